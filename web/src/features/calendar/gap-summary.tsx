import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ChannelGaps } from './gaps.ts';
import { useCalendarFormat } from './use-calendar-format.ts';

/** Above the calendar: which channels go quiet in this period, and when. */
export function GapSummary({ channels }: { channels: ChannelGaps[] }) {
  const { t } = useTranslation('calendar');
  const format = useCalendarFormat();
  if (channels.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('gaps.summary', { count: channels.length })}
      // Orange title text on the light orange ground misses 4.5:1; the icon carries the colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <List size="sm" spacing={2}>
        {channels.map((channel) => (
          <List.Item key={channel.channelId}>
            {t('gaps.line', { channel: channel.channelName, count: channel.intervalDays })}{' '}
            {t('gaps.days', {
              range: channel.ranges
                .map((range) =>
                  range.from === range.to ? format.shortDate(range.from) : format.range(range.from, range.to),
                )
                .join(', '),
            })}
          </List.Item>
        ))}
      </List>
      <Text size="xs" mt={6}>
        {t('gaps.hint')}
      </Text>
    </Alert>
  );
}
