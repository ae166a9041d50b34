import type { Calendar, Channel } from '@nahbar/common';
import { zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';
import { isoWeekday, localParts } from './calendar-dates.ts';
import type { FreeSlot } from './day-cell.tsx';

/**
 * Posting slots no post of that channel occupies yet, per local day — the places "In die
 * Warteschlange" would fill. Past slots are left out: nobody can plan into them any more.
 */
export function freeSlotsByDay(
  days: string[],
  calendar: Calendar,
  channels: Channel[],
  channelFilter: string | null,
  now: number,
): Map<string, FreeSlot[]> {
  const { timeZone } = calendar;
  const taken = new Set<string>();
  for (const entry of calendar.entries) {
    const { date, time } = localParts(entry.at, timeZone);
    for (const target of entry.targets) taken.add(`${target.channelId}|${date}|${time}`);
  }
  const byId = new Map(channels.map((channel) => [channel.id, channel]));
  const result = new Map<string, FreeSlot[]>();
  for (const date of days) {
    const weekday = isoWeekday(date);
    const free: FreeSlot[] = [];
    for (const { channelId, slots } of calendar.slots) {
      const channel = byId.get(channelId);
      if (!channel || (channelFilter && channelId !== channelFilter)) continue;
      for (const slot of slots) {
        if (slot.weekday !== weekday || taken.has(`${channelId}|${date}|${slot.time}`)) continue;
        if (new Date(zonedWallTimeToIso({ date, time: slot.time }, timeZone)).getTime() <= now) continue;
        free.push({ time: slot.time, channelId, channelName: channel.name, network: channel.network });
      }
    }
    free.sort((a, b) => a.time.localeCompare(b.time) || a.channelName.localeCompare(b.channelName));
    result.set(date, free);
  }
  return result;
}
