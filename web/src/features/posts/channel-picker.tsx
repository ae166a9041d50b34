import { Anchor, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { IconAlertTriangle, IconListNumbers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NetworkIcon } from '../channels/network-icon.tsx';
import { channelFit } from './channel-fit.ts';

type Props = {
  channels: Channel[];
  selected: string[];
  onSelectedChange: (ids: string[]) => void;
  text: string;
  images: number;
  contentWarnings: Record<string, string>;
  onContentWarningChange: (channelId: string, value: string) => void;
  error?: string | null;
};

/** Channel choice with each network's own count, so the author sees where a text is too long. */
export function ChannelPicker(props: Props) {
  const { t } = useTranslation('posts');
  const { channels, selected } = props;
  if (channels.length === 0) {
    return (
      <Text size="sm">
        {t('composer.noChannels')}{' '}
        <Anchor component={Link} to="/kanaele">
          {t('composer.toChannels')}
        </Anchor>
      </Text>
    );
  }
  return (
    <Checkbox.Group
      label={t('composer.channels')}
      value={selected}
      onChange={props.onSelectedChange}
      error={props.error}
    >
      <Stack gap="sm" mt="xs">
        {channels.map((channel) => (
          <Stack key={channel.id} gap={4}>
            <Checkbox
              value={channel.id}
              label={
                <Group gap={6} wrap="nowrap" component="span">
                  <NetworkIcon network={channel.network} size={18} />
                  {channel.name}
                </Group>
              }
            />
            {selected.includes(channel.id) && <ChannelDetails channel={channel} {...props} />}
          </Stack>
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function ChannelDetails({
  channel,
  text,
  images,
  contentWarnings,
  onContentWarningChange,
}: Props & { channel: Channel }) {
  const { t } = useTranslation('posts');
  const fit = channelFit(channel, text, images);
  return (
    <Stack gap={4} pl={32}>
      <Text size="sm" c={fit.count > fit.max ? undefined : 'dimmed'}>
        {t('composer.count', { name: channel.name, count: fit.count, max: fit.max })}
      </Text>
      {fit.parts > 1 && (
        <Text size="sm" fw={600} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          <IconListNumbers size={16} aria-hidden />
          {t('composer.thread', { count: fit.parts })}
        </Text>
      )}
      {fit.tooLong && (
        <Text size="sm" c="red.7" fw={600} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          <IconAlertTriangle size={16} aria-hidden />
          {t('composer.tooLong', { over: fit.count - fit.max, name: channel.name })}
        </Text>
      )}
      {fit.tooManyImages && (
        <Text size="sm" c="red.7" fw={600} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          <IconAlertTriangle size={16} aria-hidden />
          {t('composer.imageTooMany', { name: channel.name, max: channel.limits.maxImages })}
        </Text>
      )}
      {channel.limits.contentWarning && (
        <TextInput
          label={t('composer.contentWarning', { name: channel.name })}
          description={t('composer.contentWarningHint')}
          maxLength={500}
          value={contentWarnings[channel.id] ?? ''}
          onChange={(event) => onContentWarningChange(channel.id, event.currentTarget.value)}
        />
      )}
    </Stack>
  );
}
