import type { CalendarGap } from '../schemas/calendar.ts';
import { addDays, daysBetween } from './local-date.ts';
import { isoToZonedWallTime, zoneOffsetMs } from './zoned-time.ts';

// "Nobody lets a page go stale": a channel with a target interval (every 14 days) is in a gap
// on each day on which more than that many days have passed since its previous post. Planned
// posts count (they close the gap ahead); drafts, cancelled and failed ones do not — the caller
// passes only posts that are going out or went out. Gaps are marked from today on: a past day
// cannot be fixed any more, and the calendar's job is to warn ahead (reports look back).

export type ChannelCadence = {
  channelId: string;
  intervalDays: number;
  /** A channel never posted to is due one interval after it was connected. */
  createdAt: Date;
  /** Its last post before the window, if any. */
  lastBefore: Date | null;
  /** Its posts inside the window. */
  posts: Date[];
};

export type GapWindow = {
  /** First and last local day of the window (inclusive). */
  from: string;
  to: string;
  /** The local day today. */
  today: string;
  timeZone: string;
};

/** No zone changes its offset twice within two weeks (Morocco's Ramadan break is a month). */
const SAME_OFFSET_SPAN_MS = 14 * 86_400_000;

/**
 * The local days of many instants, in time order, with few time-zone look-ups (each is an Intl call): where the
 * offset is the same at both ends of a span of at most two weeks it is the same in between, so
 * only spans around a DST change are split further.
 */
export function localDaysOf(instants: number[], timeZone: string): string[] {
  const sorted = [...instants].sort((a, b) => a - b);
  const days: string[] = new Array(sorted.length);
  const dayAt = (i: number, offset: number) => new Date((sorted[i] as number) + offset).toISOString().slice(0, 10);
  const fill = (lo: number, hi: number, offLo: number, offHi: number): void => {
    const span = (sorted[hi] as number) - (sorted[lo] as number);
    if (offLo === offHi && span <= SAME_OFFSET_SPAN_MS) {
      for (let i = lo; i <= hi; i++) days[i] = dayAt(i, offLo);
      return;
    }
    if (hi - lo <= 1) {
      days[lo] = dayAt(lo, offLo);
      days[hi] = dayAt(hi, offHi);
      return;
    }
    const mid = (lo + hi) >> 1;
    const offMid = zoneOffsetMs(sorted[mid] as number, timeZone);
    fill(lo, mid, offLo, offMid);
    fill(mid, hi, offMid, offHi);
  };
  const last = sorted.length - 1;
  if (last >= 0) {
    fill(0, last, zoneOffsetMs(sorted[0] as number, timeZone), zoneOffsetMs(sorted[last] as number, timeZone));
  }
  return days;
}

function channelGaps(channel: ChannelCadence, window: GapWindow): CalendarGap[] {
  const day = (d: Date) => isoToZonedWallTime(d.getTime(), window.timeZone).date;
  const postDays = localDaysOf(
    channel.posts.map((p) => p.getTime()),
    window.timeZone,
  );
  if (channel.lastBefore) postDays.unshift(day(channel.lastBefore));
  postDays.sort();
  const createdDay = day(channel.createdAt);
  const gaps: CalendarGap[] = [];
  let open: CalendarGap | null = null;
  let next = 0;
  let previous: string | null = null;
  const start = window.today > window.from ? window.today : window.from;
  for (let d = start; d <= window.to; d = addDays(d, 1)) {
    while (next < postDays.length && (postDays[next] as string) <= d) previous = postDays[next++] as string;
    const stale = previous
      ? daysBetween(previous, d) > channel.intervalDays
      : daysBetween(createdDay, d) >= channel.intervalDays;
    if (stale && open && open.to === addDays(d, -1)) open.to = d;
    else if (stale) {
      open = { channelId: channel.channelId, from: d, to: d, intervalDays: channel.intervalDays };
      gaps.push(open);
    }
  }
  return gaps;
}

/** Per channel the ranges of local days it is overdue, consecutive days merged. */
export function cadenceGaps(channels: ChannelCadence[], window: GapWindow): CalendarGap[] {
  return channels.flatMap((channel) => channelGaps(channel, window));
}
