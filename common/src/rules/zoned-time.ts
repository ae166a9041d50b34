// Wall-clock times in an organisation's time zone. People plan "Tuesday 09:00 in Berlin"; the
// server stores an instant. Across DST the mapping is not one-to-one: a spring-forward gap has
// wall times that never happen, a fall-back hour happens twice. We resolve both like Temporal's
// "compatible" disambiguation, which is what calendars do: a time in the gap moves forward by
// the gap's length, a repeated time means its first occurrence.

const HOUR = 3_600_000;

export type WallTime = { date: string; time: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `epochMs`, as if it were UTC (milliseconds). */
function wallAsUtc(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Offset of `timeZone` from UTC at an instant, in milliseconds (Berlin in summer: +2 h). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtc(whole, timeZone) - whole;
}

function parseWall({ date, time }: WallTime): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`invalid wall time: ${date} ${time}`);
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
}

/** The instant a wall time in `timeZone` means (gap: moved forward; repeated hour: first). */
export function wallTimeToEpoch(wall: WallTime, timeZone: string): number {
  const local = parseWall(wall);
  // Offsets a day either side bracket any transition near this wall time.
  const before = zoneOffsetMs(local - 24 * HOUR, timeZone);
  const after = zoneOffsetMs(local + 24 * HOUR, timeZone);
  const valid = [local - before, local - after].filter((epoch) => wallAsUtc(epoch, timeZone) === local);
  if (valid.length > 0) return Math.min(...valid);
  // In the gap: read the wall time with the offset before the jump, which lands after it.
  return local - before;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-03-29T03:30:00+02:00. */
export function toZonedIso(epochMs: number, timeZone: string): string {
  const offsetMin = Math.round(zoneOffsetMs(epochMs, timeZone) / 60_000);
  const wall = new Date(wallAsUtc(epochMs, timeZone)).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.trunc(offsetMin / 60))}:${pad(offsetMin % 60)}`;
}

/** Wall date and time (HH:mm) in `timeZone` → ISO with offset, for the API's `at`. */
export function zonedWallTimeToIso(wall: WallTime, timeZone: string): string {
  return toZonedIso(wallTimeToEpoch(wall, timeZone), timeZone);
}

/** The wall date and time an instant shows in `timeZone` (to prefill date and time fields). */
export function isoToZonedWallTime(iso: string | number, timeZone: string): WallTime {
  const wall = new Date(wallAsUtc(new Date(iso).getTime(), timeZone)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}
