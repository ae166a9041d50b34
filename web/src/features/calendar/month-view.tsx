import { Table, VisuallyHidden } from '@mantine/core';
import type { CalendarEntry } from '@nahbar/common';
import classes from './calendar.module.css';
import { DayCell } from './day-cell.tsx';
import type { DraggedPost } from './drag-data.ts';
import type { DayGap } from './gaps.ts';
import { useCalendarFormat } from './use-calendar-format.ts';

export type ViewProps = {
  days: string[];
  caption: string;
  today: string;
  timeZone: string;
  entries: Map<string, CalendarEntry[]>;
  gaps: Map<string, DayGap[]>;
  canMove: (entry: CalendarEntry) => boolean;
  onMoveRequest: (entry: CalendarEntry) => void;
  onDropPost: (post: DraggedPost, date: string) => void;
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Six weeks as a real table: column headers Mo … So, each cell named by its full date. */
export function MonthView({ month, ...props }: ViewProps & { month: string }) {
  const format = useCalendarFormat();
  const weeks = Array.from({ length: props.days.length / 7 }, (_, i) => props.days.slice(i * 7, i * 7 + 7));
  return (
    <div className={classes.scroll}>
      <Table className={classes.grid} withTableBorder={false}>
        <VisuallyHidden component="caption">{props.caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {WEEKDAYS.map((weekday) => (
              <Table.Th key={weekday} scope="col">
                <span aria-hidden>{format.weekdayShort(weekday)}</span>
                <VisuallyHidden>{format.weekdayLong(weekday)}</VisuallyHidden>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week) => (
            <Table.Tr key={week[0]}>
              {week.map((date) => (
                <DayCell
                  key={date}
                  date={date}
                  label={format.fullDay(date)}
                  dayNumber={String(Number(date.slice(8)))}
                  variant="month"
                  today={date === props.today}
                  outside={date.slice(0, 7) !== month.slice(0, 7)}
                  entries={props.entries.get(date) ?? []}
                  gaps={props.gaps.get(date) ?? []}
                  timeZone={props.timeZone}
                  canMove={props.canMove}
                  onMoveRequest={props.onMoveRequest}
                  onDropPost={props.onDropPost}
                />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
