import { createHash } from 'node:crypto';

// listNotifications pages backwards from the newest, so its own cursor cannot say "what came
// after". Ours remembers the newest notification time we saw and which notifications we saw
// shortly before it. The AppView sorts by min(indexedAt, createdAt), so a post indexed late can
// land behind a notification we already delivered; reading a window back and skipping what is
// in `seen` catches those without delivering anything twice.

/** How far behind the newest seen notification a late one may still appear. */
export const LATE_WINDOW_MS = 30 * 60 * 1000;
/** Bounds the cursor text (kept in inbox_cursors.cursor) for very busy accounts. */
const MAX_SEEN = 500;

export type InboxCursor = {
  /** Sort time (the notification's indexedAt) of the newest notification seen. */
  at: string;
  /** Short hashes of the notification URIs seen within LATE_WINDOW_MS before `at`. */
  seen: string[];
};

export function parseCursor(text: string | null): InboxCursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as { v?: unknown; at?: unknown; seen?: unknown };
    if (value.v !== 1 || typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return null;
    const seen = Array.isArray(value.seen) ? value.seen.filter((s): s is string => typeof s === 'string') : [];
    return { at: value.at, seen };
  } catch {
    // A cursor from an older format: start over; the server de-duplicates what comes again.
    return null;
  }
}

/** The next cursor from every notification this fetch looked at (uri with its sort time). */
export function nextCursor(previous: InboxCursor | null, looked: { uri: string; at: string }[]): string | null {
  const newest = looked.reduce<string | null>((max, n) => (max === null || later(n.at, max) ? n.at : max), null);
  if (newest === null) return previous ? serialize(previous) : null;
  const at = previous && later(previous.at, newest) ? previous.at : newest;
  const floor = Date.parse(at) - LATE_WINDOW_MS;
  const seen = looked
    .filter((n) => Date.parse(n.at) >= floor)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, MAX_SEEN)
    .map((n) => seenKey(n.uri));
  return serialize({ at, seen: [...new Set(seen)] });
}

/** Notifications older than this need not be looked at: they were delivered before. */
export function lookBackUntil(cursor: InboxCursor | null): number | null {
  return cursor ? Date.parse(cursor.at) - LATE_WINDOW_MS : null;
}

export function seenKey(uri: string): string {
  return createHash('sha256').update(uri).digest('base64url').slice(0, 12);
}

function later(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

function serialize(cursor: InboxCursor): string {
  return JSON.stringify({ v: 1, at: cursor.at, seen: cursor.seen });
}
