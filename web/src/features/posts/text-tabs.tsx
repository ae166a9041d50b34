import { Badge, Button, Group, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { IconArrowBackUp, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../channels/network-icon.tsx';
import { ChannelCounter } from './channel-counter.tsx';
import type { ComposerIssues } from './composer-checks.ts';
import { type ComposerDraft, effectiveText } from './composer-draft.ts';
import { IssueList } from './issue-list.tsx';

type Props = {
  draft: ComposerDraft;
  onChange: (change: Partial<ComposerDraft>) => void;
  chosen: Channel[];
  issues: ComposerIssues;
  textError?: string;
  readOnly: boolean;
};

const BASE = 'base';

/**
 * The base text and one tab per chosen channel. A channel uses the base text until someone gives it
 * its own version; the base tab shows every channel's count and issues, so nobody has to click through.
 */
export function TextTabs({ draft, onChange, chosen, issues, textError, readOnly }: Props) {
  const { t } = useTranslation('posts');
  const [tab, setTab] = useState<string | null>(BASE);
  const active = chosen.some((c) => c.id === tab) ? tab : BASE;
  const errorsIn = (channelId: string) => (issues.byChannel[channelId] ?? []).some((i) => i.severity === 'error');

  return (
    <Tabs value={active} onChange={setTab} keepMounted={false}>
      <Tabs.List aria-label={t('composer.versions')}>
        <Tabs.Tab value={BASE}>{t('composer.baseText')}</Tabs.Tab>
        {chosen.map((channel) => (
          <Tabs.Tab
            key={channel.id}
            value={channel.id}
            leftSection={<NetworkIcon network={channel.network} size={16} />}
            rightSection={
              errorsIn(channel.id) ? (
                <Badge size="xs" color="red" variant="light" c="red.9">
                  {t('composer.hasErrors')}
                </Badge>
              ) : draft.variants[channel.id] != null ? (
                <Badge size="xs" color="gray" variant="light" c="var(--mantine-color-text)">
                  {t('composer.ownVersionBadge')}
                </Badge>
              ) : null
            }
          >
            {channel.name}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={BASE} pt="sm">
        <Stack gap="xs">
          <Textarea
            withAsterisk={false}
            label={t('composer.text')}
            description={t('composer.textHint')}
            required
            autosize
            minRows={5}
            maxLength={20_000}
            readOnly={readOnly}
            value={draft.text}
            error={textError}
            onChange={(event) => onChange({ text: event.currentTarget.value })}
          />
          {chosen.map((channel) => (
            <Stack key={channel.id} gap={2}>
              <ChannelCounter
                channel={channel}
                text={effectiveText(draft, channel.id)}
                contentWarning={draft.contentWarnings[channel.id] ?? ''}
              />
              {draft.variants[channel.id] != null && (
                <Text size="xs" c="dimmed">
                  {t('composer.usesOwnVersion', { name: channel.name })}
                </Text>
              )}
              <IssueList issues={issues.byChannel[channel.id] ?? []} prefix={channel.name} />
            </Stack>
          ))}
          <IssueList issues={issues.general} />
        </Stack>
      </Tabs.Panel>
      {chosen.map((channel) => (
        <Tabs.Panel key={channel.id} value={channel.id} pt="sm">
          <ChannelPanel channel={channel} draft={draft} onChange={onChange} issues={issues} readOnly={readOnly} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function ChannelPanel({
  channel,
  draft,
  onChange,
  issues,
  readOnly,
}: Omit<Props, 'chosen' | 'textError'> & { channel: Channel }) {
  const { t } = useTranslation('posts');
  const own = draft.variants[channel.id];
  const diverged = own != null;
  const setVariant = (value: string | null) => onChange({ variants: { ...draft.variants, [channel.id]: value } });
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          {diverged ? t('composer.ownVersionHint', { name: channel.name }) : t('composer.baseVersionHint')}
        </Text>
        {!readOnly &&
          (diverged ? (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              onClick={() => setVariant(null)}
            >
              {t('composer.backToBase')}
            </Button>
          ) : (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setVariant(draft.text)}
            >
              {t('composer.ownVersion')}
            </Button>
          ))}
      </Group>
      <Textarea
        label={t('composer.variantLabel', { name: channel.name })}
        autosize
        minRows={5}
        maxLength={20_000}
        readOnly={readOnly || !diverged}
        value={own ?? draft.text}
        onChange={(event) => setVariant(event.currentTarget.value)}
      />
      <ChannelCounter
        channel={channel}
        text={effectiveText(draft, channel.id)}
        contentWarning={draft.contentWarnings[channel.id] ?? ''}
      />
      <IssueList issues={issues.byChannel[channel.id] ?? []} />
      {channel.limits.contentWarning && (
        <TextInput
          label={t('composer.contentWarning', { name: channel.name })}
          description={t('composer.contentWarningHint')}
          maxLength={500}
          readOnly={readOnly}
          value={draft.contentWarnings[channel.id] ?? ''}
          onChange={(event) =>
            onChange({ contentWarnings: { ...draft.contentWarnings, [channel.id]: event.currentTarget.value } })
          }
        />
      )}
    </Stack>
  );
}
