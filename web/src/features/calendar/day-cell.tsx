import { Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { CalendarEntry, NetworkId } from '@nahbar/common';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../channels/network-icon.tsx';
import classes from './calendar.module.css';
import { carriesPost, type DraggedPost, readDraggedPost } from './drag-data.ts';
import { EntryCard } from './entry-card.tsx';
import type { DayGap } from './gaps.ts';

export type FreeSlot = { time: string; channelId: string; channelName: string; network: NetworkId };

type Props = {
  date: string;
  label: string;
  dayNumber: string;
  variant: 'month' | 'week';
  today: boolean;
  outside: boolean;
  entries: CalendarEntry[];
  gaps: DayGap[];
  freeSlots?: FreeSlot[];
  timeZone: string;
  canMove: (entry: CalendarEntry) => boolean;
  onMoveRequest: (entry: CalendarEntry) => void;
  onDropPost: (post: DraggedPost, date: string) => void;
};

// A month cell shows this many entries; the rest behind "+N weitere" so rows keep their height.
const MONTH_VISIBLE = 3;

/** One day: a table cell named by its full date, a drop target for dragged posts. */
export function DayCell(props: Props) {
  const { date, label, variant, entries, gaps, freeSlots = [] } = props;
  const { t } = useTranslation('calendar');
  const [over, setOver] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const limit = variant === 'month' && !expanded ? MONTH_VISIBLE : entries.length;
  const hidden = entries.length - limit;

  const onDragOver = (event: DragEvent<HTMLTableCellElement>) => {
    if (!carriesPost(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const onDragLeave = (event: DragEvent<HTMLTableCellElement>) => {
    // Moving onto an entry inside the cell is still over the cell.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  };
  const onDrop = (event: DragEvent<HTMLTableCellElement>) => {
    setOver(false);
    const post = readDraggedPost(event);
    if (!post) return;
    event.preventDefault();
    props.onDropPost(post, date);
  };

  return (
    <td
      className={variant === 'week' ? `${classes.cell} ${classes.weekCell}` : classes.cell}
      data-date={date}
      data-today={props.today || undefined}
      data-outside={props.outside || undefined}
      data-gap={gaps.length > 0 || undefined}
      data-drop={over || undefined}
      aria-current={props.today ? 'date' : undefined}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap">
          {variant === 'month' && (
            <span className={classes.dayNumber} aria-hidden>
              {props.dayNumber}
            </span>
          )}
          <VisuallyHidden>{label}</VisuallyHidden>
          {props.today && (
            <Text size="xs" fw={700}>
              {t('month.today')}
            </Text>
          )}
        </Group>
        {gaps.map((gap) => (
          <Group key={gap.channelId} gap={4} wrap="nowrap" className={classes.gapNote}>
            <IconAlertTriangle size={13} aria-hidden style={{ flexShrink: 0 }} />
            <span aria-hidden>{t('gaps.short', { channel: gap.channelName })}</span>
            <VisuallyHidden>{t('gaps.line', { channel: gap.channelName, count: gap.intervalDays })}</VisuallyHidden>
          </Group>
        ))}
        {entries.slice(0, limit).map((entry) => (
          <EntryCard
            key={`${entry.postId}-${entry.at}`}
            entry={entry}
            timeZone={props.timeZone}
            variant="compact"
            canMove={props.canMove(entry)}
            onMoveRequest={props.onMoveRequest}
          />
        ))}
        {hidden > 0 && (
          <Button size="compact-xs" variant="subtle" aria-expanded={false} onClick={() => setExpanded(true)}>
            {t('month.more', { count: hidden })}
          </Button>
        )}
        {expanded && entries.length > MONTH_VISIBLE && (
          <Button size="compact-xs" variant="subtle" aria-expanded onClick={() => setExpanded(false)}>
            {t('month.fewer')}
          </Button>
        )}
        {freeSlots.map((slot) => (
          <Group key={`${slot.channelId}-${slot.time}`} gap={4} wrap="nowrap" className={classes.freeSlot}>
            <NetworkIcon network={slot.network} size={13} />
            <Stack gap={0}>
              <span>{t('week.freeSlot', { time: slot.time })}</span>
              <Text size="xs" c="dimmed" component="span">
                {slot.channelName}
              </Text>
            </Stack>
          </Group>
        ))}
        {variant === 'week' && entries.length === 0 && freeSlots.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('week.empty')}
          </Text>
        )}
      </Stack>
    </td>
  );
}
