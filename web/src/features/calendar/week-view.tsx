import { Table, VisuallyHidden } from '@mantine/core';
import classes from './calendar.module.css';
import { isoWeekday } from './calendar-dates.ts';
import { DayCell, type FreeSlot } from './day-cell.tsx';
import type { ViewProps } from './month-view.tsx';
import { useCalendarFormat } from './use-calendar-format.ts';

/** Seven columns, entries in time order, and the posting slots still free. */
export function WeekView({ freeSlots, ...props }: ViewProps & { freeSlots: Map<string, FreeSlot[]> }) {
  const format = useCalendarFormat();
  return (
    <div className={classes.scroll}>
      <Table className={classes.grid} withTableBorder={false}>
        <VisuallyHidden component="caption">{props.caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {props.days.map((date) => (
              <Table.Th key={date} scope="col">
                <span aria-hidden>
                  {format.weekdayShort(isoWeekday(date))} {format.shortDate(date)}
                </span>
                <VisuallyHidden>{format.fullDay(date)}</VisuallyHidden>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            {props.days.map((date) => (
              <DayCell
                key={date}
                date={date}
                label={format.fullDay(date)}
                dayNumber={String(Number(date.slice(8)))}
                variant="week"
                today={date === props.today}
                outside={false}
                entries={props.entries.get(date) ?? []}
                gaps={props.gaps.get(date) ?? []}
                freeSlots={freeSlots.get(date) ?? []}
                timeZone={props.timeZone}
                canMove={props.canMove}
                onMoveRequest={props.onMoveRequest}
                onDropPost={props.onDropPost}
              />
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </div>
  );
}
