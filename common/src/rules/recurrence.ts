import { addDays, daysBetween, isoWeekday } from './local-date.ts';
import { isoToZonedWallTime, wallTimeToEpoch } from './zoned-time.ts';

// A Rubrik's dates: "every second Tuesday at 10:00 from 3 March". The weeks are counted from
// the first matching weekday on or after the start, so "every second week" does not shift
// when a later window is asked for. Wall time in the organisation's zone, like posting slots.

export type Recurrence = {
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:MM" */
  time: string;
  intervalWeeks: number;
  startsOn: string;
  /** Inclusive; null: open-ended. */
  endsOn: string | null;
};

/** The first day on or after `startsOn` that falls on the weekday. */
export function firstOccurrenceDay(r: Pick<Recurrence, 'weekday' | 'startsOn'>): string {
  return addDays(r.startsOn, (r.weekday - isoWeekday(r.startsOn) + 7) % 7);
}

/** The occurrences in [from, to), in time order. */
export function occurrencesBetween(r: Recurrence, timeZone: string, from: Date, to: Date): Date[] {
  const step = 7 * r.intervalWeeks;
  const first = firstOccurrenceDay(r);
  // Start one step before the window's first local day: its instant may still fall inside.
  const fromDay = isoToZonedWallTime(from.getTime(), timeZone).date;
  const skip = Math.max(0, Math.floor(daysBetween(first, fromDay) / step) - 1);
  const result: Date[] = [];
  for (let day = addDays(first, skip * step); ; day = addDays(day, step)) {
    if (r.endsOn !== null && day > r.endsOn) break;
    const instant = wallTimeToEpoch({ date: day, time: r.time }, timeZone);
    if (instant >= to.getTime()) break;
    if (instant >= from.getTime()) result.push(new Date(instant));
  }
  return result;
}
