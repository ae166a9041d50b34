import { Alert } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { IconHourglassLow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const DAY = 86_400_000;

/** Shown when a channel is silent longer than its goal: an abandoned account harms trust. */
export function FreshnessWarning({ channel }: { channel: Channel }) {
  const { t } = useTranslation('channels');
  if (channel.freshness === 'fresh' || channel.status === 'disconnected') return null;
  const interval = channel.targetIntervalDays;
  const text =
    channel.freshness === 'never' || !channel.lastPublishedAt
      ? t('freshness.never', { interval })
      : t('freshness.stale', {
          count: Math.floor((Date.now() - Date.parse(channel.lastPublishedAt)) / DAY),
          interval,
        });
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconHourglassLow aria-hidden />}
      title={t('freshness.title')}
      // Yellow text on yellow fails contrast; the icon and background carry the colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      {text}
    </Alert>
  );
}
