import type { CalendarGap } from '@nahbar/common';
import { addDays, daysBetween } from './calendar-dates.ts';

export type DayGap = { channelId: string; channelName: string; intervalDays: number };
export type ChannelGaps = DayGap & { ranges: { from: string; to: string }[] };

/** Which channels are in a gap on each local day, for the hatched cells. */
export function gapsByDay(gaps: CalendarGap[], channelName: (id: string) => string): Map<string, DayGap[]> {
  const byDay = new Map<string, DayGap[]>();
  for (const gap of gaps) {
    const length = daysBetween(gap.from, gap.to);
    for (let i = 0; i <= length; i++) {
      const day = addDays(gap.from, i);
      const list = byDay.get(day) ?? [];
      list.push({ channelId: gap.channelId, channelName: channelName(gap.channelId), intervalDays: gap.intervalDays });
      byDay.set(day, list);
    }
  }
  return byDay;
}

/** One line per channel for the summary above the calendar. */
export function gapsByChannel(gaps: CalendarGap[], channelName: (id: string) => string): ChannelGaps[] {
  const byChannel = new Map<string, ChannelGaps>();
  for (const gap of gaps) {
    const entry = byChannel.get(gap.channelId) ?? {
      channelId: gap.channelId,
      channelName: channelName(gap.channelId),
      intervalDays: gap.intervalDays,
      ranges: [],
    };
    entry.ranges.push({ from: gap.from, to: gap.to });
    byChannel.set(gap.channelId, entry);
  }
  return [...byChannel.values()].sort((a, b) => a.channelName.localeCompare(b.channelName));
}
