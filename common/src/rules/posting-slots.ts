import type { PostingSlot } from '../schemas/calendar.ts';
import { addDays, isoWeekday } from './local-date.ts';
import { isoToZonedWallTime, wallTimeToEpoch } from './zoned-time.ts';

// The queue: "put it into the channel's next free posting slot". Slots are wall times in the
// organisation's zone (Tue 10:00 stays 10:00 across DST). A slot in the spring-forward gap
// moves forward like every other wall time (zoned-time.ts); a repeated hour means its first.

/** How far the queue looks: past eight full weeks every weekly slot has come round 8 times. */
export const QUEUE_LOOKAHEAD_DAYS = 56;

const MINUTE = 60_000;

/** The slot instants on one local day, in time order. */
export function slotInstantsOn(slots: PostingSlot[], date: string, timeZone: string): number[] {
  const weekday = isoWeekday(date);
  return slots
    .filter((s) => s.weekday === weekday)
    .map((s) => wallTimeToEpoch({ date, time: s.time }, timeZone))
    .sort((a, b) => a - b);
}

/**
 * The first slot instant strictly after `after` that no post already occupies (same minute),
 * within eight weeks; null without slots or when every slot in that time is taken.
 */
export function nextFreeSlot(slots: PostingSlot[], taken: Date[], timeZone: string, after: Date): Date | null {
  if (slots.length === 0) return null;
  const takenMinutes = new Set(taken.map((d) => Math.floor(d.getTime() / MINUTE)));
  const start = isoToZonedWallTime(after.getTime(), timeZone).date;
  for (let day = 0; day <= QUEUE_LOOKAHEAD_DAYS; day++) {
    for (const instant of slotInstantsOn(slots, addDays(start, day), timeZone)) {
      if (instant <= after.getTime()) continue;
      if (takenMinutes.has(Math.floor(instant / MINUTE))) continue;
      return new Date(instant);
    }
  }
  return null;
}
