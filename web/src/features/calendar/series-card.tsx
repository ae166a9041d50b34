import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Series } from '@nahbar/common';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { localParts } from './calendar-dates.ts';
import { useCalendarFormat } from './use-calendar-format.ts';

type Props = {
  series: Series;
  timeZone: string;
  channelName: (id: string) => string;
  editable: boolean;
  onEdit: () => void;
  onDelete: () => void;
};

/** A Rubrik in words: "jeden 2. Dienstag, 10:00", its channels and the next draft dates. */
export function SeriesCard({ series, timeZone, channelName, editable, onEdit, onDelete }: Props) {
  const { t } = useTranslation('calendar');
  const format = useCalendarFormat();
  const rhythm = t('planning.series.every', {
    count: series.intervalWeeks,
    weekday: format.weekdayLong(series.weekday),
    time: series.time,
  });
  const period = series.endsOn
    ? t('planning.series.periodUntil', { from: format.shortDate(series.startsOn), to: format.shortDate(series.endsOn) })
    : t('planning.series.period', { from: format.shortDate(series.startsOn) });
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`series-${series.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={3} size="h5" id={`series-${series.id}`}>
              {series.name}
            </Title>
            <Badge variant="light" color={series.active ? 'petrol' : 'gray'} c="var(--mantine-color-text)">
              {series.active ? t('planning.series.active') : t('planning.series.inactive')}
            </Badge>
          </Group>
          {editable && (
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconPencil size={14} aria-hidden />}
                aria-label={t('planning.series.editLabel', { name: series.name })}
                onClick={onEdit}
              >
                {t('planning.series.edit')}
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                aria-label={t('planning.series.deleteLabel', { name: series.name })}
                onClick={onDelete}
              >
                {t('planning.series.delete')}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" fw={600}>
          {rhythm} · {period}
        </Text>
        <Text size="sm">{t('planning.series.channels', { names: series.channelIds.map(channelName).join(', ') })}</Text>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('planning.series.upcoming')}
          </Text>
          {series.upcoming.length === 0 ? (
            <Text size="sm">{t('planning.series.noUpcoming')}</Text>
          ) : (
            <List size="sm" spacing={0}>
              {series.upcoming.map((at) => {
                const { date, time } = localParts(at, timeZone);
                return (
                  <List.Item key={at}>
                    {format.fullDay(date)}, {time}
                  </List.Item>
                );
              })}
            </List>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
