import { addDays, addMonths, daysBetween, monthGridDays, startOfMonth, weekDays } from './calendar-dates.ts';
import type { CalendarView } from './use-calendar-params.ts';

/** The local days a view shows: six weeks, one week, or the calendar month for the list. */
export function viewDays(view: CalendarView, anchor: string): string[] {
  if (view === 'month') return monthGridDays(anchor);
  if (view === 'week') return weekDays(anchor);
  const first = startOfMonth(anchor);
  return Array.from({ length: daysBetween(first, addMonths(first, 1)) }, (_, i) => addDays(first, i));
}
