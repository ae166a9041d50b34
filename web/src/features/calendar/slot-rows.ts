import type { PostingSlot } from '@nahbar/common';

/** The editor's shape: one time with the weekdays it applies to ("Di, Do · 10:00"). */
export type SlotRow = { key: number; weekdays: string[]; time: string };

let nextKey = 1;
export function newSlotRow(weekdays: string[] = [], time = '10:00'): SlotRow {
  return { key: nextKey++, weekdays, time };
}

export function rowsFromSlots(slots: PostingSlot[]): SlotRow[] {
  const byTime = new Map<string, number[]>();
  for (const slot of slots) byTime.set(slot.time, [...(byTime.get(slot.time) ?? []), slot.weekday]);
  return [...byTime]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([time, weekdays]) => newSlotRow([...new Set(weekdays)].sort().map(String), time));
}

/** Back to the API's list, de-duplicated (the server de-duplicates as well). */
export function slotsFromRows(rows: SlotRow[]): PostingSlot[] {
  const seen = new Set<string>();
  const slots: PostingSlot[] = [];
  for (const row of rows) {
    for (const weekday of row.weekdays) {
      const key = `${weekday}|${row.time}`;
      if (seen.has(key)) continue;
      seen.add(key);
      slots.push({ weekday: Number(weekday), time: row.time });
    }
  }
  return slots.sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

export function rowError(row: SlotRow): 'pickDay' | 'pickTime' | null {
  if (row.weekdays.length === 0) return 'pickDay';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(row.time)) return 'pickTime';
  return null;
}
