import { Group, Text, VisuallyHidden } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { IconAlertCircle, IconListNumbers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { channelCount } from './composer-checks.ts';

type Props = { channel: Channel; text: string; contentWarning: string };

/**
 * "Bluesky: 280 von 300 Zeichen" and the thread parts. Screen readers hear about it only when the
 * text crosses the limit or the number of parts changes (the polite region's text changes only
 * then), not on every keystroke.
 */
export function ChannelCounter({ channel, text, contentWarning }: Props) {
  const { t } = useTranslation('posts');
  const fit = channelCount(channel, text, contentWarning);
  const tooLong = fit.over && !channel.limits.threads;
  const announcement = tooLong
    ? t('composer.announce.tooLong', { name: channel.name })
    : fit.parts > 1
      ? t('composer.announce.parts', { name: channel.name, count: fit.parts })
      : '';
  return (
    <div>
      <Group gap={6} wrap="nowrap">
        {tooLong && <IconAlertCircle size={16} aria-hidden color="var(--mantine-color-red-7)" />}
        <Text size="sm" c={tooLong ? 'red.8' : 'dimmed'} fw={tooLong ? 600 : undefined}>
          {t('composer.count', { name: channel.name, count: fit.count, max: fit.max })}
        </Text>
      </Group>
      {fit.parts > 1 && (
        <Text size="sm" fw={600} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          <IconListNumbers size={16} aria-hidden />
          {t('composer.thread', { count: fit.parts })}
        </Text>
      )}
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </div>
  );
}
