import { Alert, Button, Card, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel, CreatePostInput, MembershipSummary, Post } from '@nahbar/common';
import { isoToZonedWallTime, zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';
import { channelKeys } from '../channels/channels-api.ts';
import { ChannelPicker } from './channel-picker.tsx';
import { MediaPicker, type PickedMedia } from './media-picker.tsx';
import { postKeys, postsApi } from './posts-api.ts';
import { validateComposer } from './validate-composer.ts';
import { type WhenMode, WhenPicker, type WhenValue } from './when-picker.tsx';

type Props = { org: MembershipSummary; channels: Channel[]; canPublish: boolean };

function nextFullHour(timeZone: string): WhenValue {
  const wall = isoToZonedWallTime(Math.ceil((Date.now() + 3_600_000) / 3_600_000) * 3_600_000, timeZone);
  return { mode: 'now', ...wall };
}

export function Composer({ org, channels, canPublish }: Props) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const queryClient = useQueryClient();
  const modes: WhenMode[] = canPublish ? ['now', 'at', 'draft'] : ['draft'];
  const initialWhen = (): WhenValue => ({ ...nextFullHour(org.timeZone), mode: modes[0] ?? 'draft' });
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [contentWarnings, setContentWarnings] = useState<Record<string, string>>({});
  const [media, setMedia] = useState<PickedMedia[]>([]);
  const [when, setWhen] = useState<WhenValue>(initialWhen);
  const [errors, setErrors] = useState<ReturnType<typeof validateComposer>>(null);
  const chosen = channels.filter((c) => selected.includes(c.id));

  const create = useMutation({
    mutationFn: (input: CreatePostInput) => postsApi.create(org.id, input),
    onSuccess: (post, input) => {
      queryClient.setQueryData<Post[]>(postKeys.list(org.id), (old) => [post, ...(old ?? [])]);
      void queryClient.invalidateQueries({ queryKey: postKeys.list(org.id) });
      void queryClient.invalidateQueries({ queryKey: channelKeys.list(org.id) });
      const at = input.when.mode === 'at' ? formatDateTime(input.when.at, org.timeZone) : '';
      notifications.show({ color: 'green', message: t(`composer.created.${input.when.mode}`, { when: at }) });
      setText('');
      setMedia([]);
      setContentWarnings({});
      setWhen(initialWhen());
    },
  });

  const submit = () => {
    const found = validateComposer({ text, chosen, media, when, timeZone: org.timeZone, t });
    setErrors(found);
    if (found) return;
    create.mutate({
      text: text.trim(),
      language: org.language,
      media: media.map(({ mediaId, alt }) => ({ mediaId, alt: alt.trim() })),
      targets: chosen.map((c) => ({
        channelId: c.id,
        contentWarning: c.limits.contentWarning ? contentWarnings[c.id]?.trim() || undefined : undefined,
        visibility: 'public' as const,
      })),
      when:
        when.mode === 'at'
          ? { mode: 'at', at: zonedWallTimeToIso({ date: when.date, time: when.time }, org.timeZone) }
          : { mode: when.mode },
    });
  };

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="composer-title">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Title order={2} size="h3" id="composer-title">
            {t('composer.title')}
          </Title>
          <FormAlert message={create.error ? errorMessage(create.error) : null} />
          <Textarea
            withAsterisk={false}
            label={t('composer.text')}
            description={t('composer.textHint')}
            required
            autosize
            minRows={5}
            maxLength={20_000}
            value={text}
            error={errors?.text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <MediaPicker orgId={org.id} media={media} onChange={setMedia} altErrors={errors?.alt ?? {}} />
          <ChannelPicker
            channels={channels}
            selected={selected}
            onSelectedChange={setSelected}
            text={text}
            images={media.length}
            contentWarnings={contentWarnings}
            onContentWarningChange={(id, value) => setContentWarnings((old) => ({ ...old, [id]: value }))}
            error={errors?.channels}
          />
          {!canPublish && (
            <Alert color="petrol" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('composer.contributorHint')}
            </Alert>
          )}
          {modes.length > 1 && (
            <WhenPicker value={when} onChange={setWhen} modes={modes} timeZone={org.timeZone} error={errors?.when} />
          )}
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t(`composer.modes.${when.mode}`)}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
