// Calendar days ("2026-03-29") as plain strings. Day arithmetic runs on UTC midnight, where
// every day has 24 hours; only turning a day and a wall time into an instant needs the zone
// (zoned-time.ts). Keeps DST out of "add a day" and "which weekday".

const DAY = 86_400_000;

function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`invalid date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The day `days` after (or before) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(parseDay(date) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(parseDay(date)).getUTCDay() || 7;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDay(b) - parseDay(a)) / DAY);
}
