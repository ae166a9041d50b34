const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "vor 5 Minuten", "gestern", "vor 3 Tagen"; after a week the date itself, because "vor 23 Tagen"
 * makes people count. Kept pure (now is passed in) so it can be tested without a clock.
 */
export function relativeTime(iso: string, now: number, locale: string): string {
  const then = new Date(iso).getTime();
  const ago = Math.max(0, now - then);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < MINUTE) return format.format(0, 'second');
  if (ago < HOUR) return format.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return format.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return format.format(-Math.floor(ago / DAY), 'day');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(then));
}
