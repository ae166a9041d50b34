import type { CalendarGap } from '../schemas/calendar.ts';
import { addDays, daysBetween } from './local-date.ts';
import { isoToZonedWallTime } from './zoned-time.ts';

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

function channelGaps(channel: ChannelCadence, window: GapWindow): CalendarGap[] {
  const day = (d: Date) => isoToZonedWallTime(d.getTime(), window.timeZone).date;
  const postDays = [...channel.posts, ...(channel.lastBefore ? [channel.lastBefore] : [])].map(day).sort();
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
