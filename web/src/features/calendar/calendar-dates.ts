import { isoToZonedWallTime, zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';

// Calendar days are plain "YYYY-MM-DD" strings in the organisation's zone. Arithmetic on them
// runs in UTC, where every day has 24 hours, so DST never shifts a day; instants only appear
// at the edges (the API's window) through zoned-time.

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isLocalDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtc(value));
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;
}

/** Weeks start on Monday. */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: string, months: number): string {
  const [y = 1970, m = 1] = date.split('-').map(Number);
  return fromUtc(Date.UTC(y, m - 1 + months, 1));
}

/** Six full weeks from the Monday on or before the 1st: every month fits, the grid never jumps. */
export function monthGridDays(date: string): string[] {
  const first = startOfWeek(startOfMonth(date));
  return Array.from({ length: 42 }, (_, i) => addDays(first, i));
}

export function weekDays(date: string): string[] {
  const first = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** ISO 8601 week number (the week with the year's first Thursday is week 1), "KW 48". */
export function isoWeekNumber(date: string): number {
  const thursday = toUtc(addDays(date, 4 - isoWeekday(date)));
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / DAY_MS / 7) + 1;
}

export function todayIn(timeZone: string): string {
  return isoToZonedWallTime(Date.now(), timeZone).date;
}

/** The day and wall time an instant shows in the organisation's zone. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  return isoToZonedWallTime(iso, timeZone);
}

/** The API window for a run of local days: from the first day's midnight to the midnight after the last. */
export function windowFor(days: string[], timeZone: string): { from: string; to: string } {
  const first = days[0] ?? todayIn(timeZone);
  const last = days[days.length - 1] ?? first;
  return {
    from: zonedWallTimeToIso({ date: first, time: '00:00' }, timeZone),
    to: zonedWallTimeToIso({ date: addDays(last, 1), time: '00:00' }, timeZone),
  };
}

/** A local day as a Date for Intl formatting with timeZone 'UTC' (the day is already local). */
export function dayAsUtcDate(date: string): Date {
  return new Date(toUtc(date));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}
