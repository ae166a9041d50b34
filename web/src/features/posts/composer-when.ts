import type { CreatePostInput, Post } from '@nahbar/common';
import { isoToZonedWallTime, type WallTime, zonedWallTimeToIso, zoneOffsetMs } from '@nahbar/common/rules/zoned-time';
import type { WhenMode, WhenValue } from './when-picker.tsx';

const HOUR = 3_600_000;
/** Less than this before a full hour is too little to finish a post: the hour after it then. */
const LEAD_MS = 15 * 60_000;

/**
 * The next full hour on the organisation's clock, at least a quarter of an hour away. Rounded on
 * the wall clock, not in UTC: in a zone like Asia/Kolkata (+05:30) UTC hours are half past.
 */
export function nextFullHour(timeZone: string, now = Date.now()): WallTime {
  const wall = now + zoneOffsetMs(now, timeZone);
  const next = new Date(Math.ceil((wall + LEAD_MS) / HOUR) * HOUR).toISOString();
  // Back through the zone: in a spring-forward gap the hour moves to the first one that exists.
  return isoToZonedWallTime(
    zonedWallTimeToIso({ date: next.slice(0, 10), time: next.slice(11, 16) }, timeZone),
    timeZone,
  );
}

/**
 * A planned or scheduled time offered for "Zu einem Zeitpunkt": as it was while it is still
 * ahead. Once it has passed, the form would refuse it, so the next full hour instead; that is
 * the planned day itself when the day is today (a past day cannot be kept).
 */
export function upcoming(iso: string, timeZone: string, now = Date.now()): WallTime {
  // A minute's grace: a time that is about to pass would be refused by the time one presses "Planen".
  if (Date.parse(iso) > now + 60_000) return isoToZonedWallTime(iso, timeZone);
  return nextFullHour(timeZone, now);
}

/** Targets that were given a time: scheduled ones, and held ones whose time ran out unnoticed. */
const TIMED: Post['targets'][number]['state'][] = ['scheduled', 'held'];

/**
 * New posts start at the first mode; a scheduled post at its time; a draft stays a draft but
 * offers its planned day. Times that have passed become the next full hour.
 */
export function initialWhen(post: Post | undefined, timeZone: string, modes: WhenMode[], now = Date.now()): WhenValue {
  if (!post) return { mode: modes[0] ?? 'draft', ...nextFullHour(timeZone, now) };
  const due = post.targets.find((target) => TIMED.includes(target.state) && target.dueAt)?.dueAt;
  if (due && modes.includes('at')) return { mode: 'at', ...upcoming(due, timeZone, now) };
  const seed = due ?? post.plannedAt;
  return { mode: 'draft', ...(seed ? upcoming(seed, timeZone, now) : nextFullHour(timeZone, now)) };
}

export function toWhen(when: WhenValue, timeZone: string): CreatePostInput['when'] {
  if (when.mode === 'at') return { mode: 'at', at: zonedWallTimeToIso({ date: when.date, time: when.time }, timeZone) };
  return { mode: when.mode };
}
