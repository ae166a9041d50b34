import type { Calendar, CalendarEntry } from '@nahbar/common';
import { localParts } from './calendar-dates.ts';

/** Entries per local day, each day in time order. */
export function entriesByDay(entries: CalendarEntry[], timeZone: string): Map<string, CalendarEntry[]> {
  const byDay = new Map<string, CalendarEntry[]>();
  const sorted = [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const entry of sorted) {
    const { date } = localParts(entry.at, timeZone);
    const list = byDay.get(date) ?? [];
    list.push(entry);
    byDay.set(date, list);
  }
  return byDay;
}

/**
 * The calendar as it will look once the move went through: the dragged entry at its new time.
 * Only its movable targets go along — a published one stays where it happened.
 */
export function withEntryMoved(calendar: Calendar, postId: string, fromAt: string, toAt: string): Calendar {
  const entries: CalendarEntry[] = [];
  for (const entry of calendar.entries) {
    if (entry.postId !== postId || entry.at !== fromAt) {
      entries.push(entry);
      continue;
    }
    const fixed = entry.targets.filter((target) => !MOVABLE.has(target.state));
    const moving = entry.targets.filter((target) => MOVABLE.has(target.state));
    if (fixed.length > 0) entries.push({ ...entry, targets: fixed, movable: false });
    entries.push({
      ...entry,
      at: toAt,
      targets: moving.map((target) => ({
        ...target,
        state: target.state === 'failed' || target.state === 'held' ? 'scheduled' : target.state,
      })),
    });
  }
  return { ...calendar, entries };
}

const MOVABLE = new Set(['draft', 'scheduled', 'failed', 'held']);
