import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EntryCard } from './entry-card.tsx';
import type { ViewProps } from './month-view.tsx';
import { useCalendarFormat } from './use-calendar-format.ts';

/** Chronological, one heading per day that has something; the same cards with more text. */
export function ListView({ filtered, ...props }: ViewProps & { filtered: boolean }) {
  const { t } = useTranslation('calendar');
  const format = useCalendarFormat();
  const days = props.days.filter((date) => (props.entries.get(date)?.length ?? 0) > 0);
  if (days.length === 0) {
    return <Text c="dimmed">{filtered ? t('list.emptyFiltered') : t('list.empty')}</Text>;
  }
  return (
    <Stack gap="lg">
      {days.map((date) => (
        <section key={date} aria-labelledby={`day-${date}`}>
          <Title order={3} size="h5" id={`day-${date}`} mb="xs">
            {format.fullDay(date)}
            {date === props.today && ` · ${t('month.today')}`}
          </Title>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {(props.entries.get(date) ?? []).map((entry) => (
              <li key={`${entry.postId}-${entry.at}`}>
                <EntryCard
                  entry={entry}
                  timeZone={props.timeZone}
                  variant="full"
                  canMove={props.canMove(entry)}
                  onMoveRequest={props.onMoveRequest}
                />
              </li>
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
