import { describe, expect, test } from 'vitest';
import { LATE_WINDOW_MS, lookBackUntil, nextCursor, parseCursor, seenKey } from './inbox-cursor.ts';

const at = (iso: string) => ({ uri: `at://did:plc:x/app.bsky.feed.post/${iso}`, at: iso });

describe('inbox cursor', () => {
  test('remembers the newest time and what was seen shortly before it', () => {
    const a = at('2026-03-02T10:00:00.000Z');
    const b = at('2026-03-02T10:20:00.000Z');
    const old = at('2026-03-02T09:00:00.000Z');
    const cursor = parseCursor(nextCursor(null, [b, a, old]));
    expect(cursor?.at).toBe(b.at);
    // `old` lies outside the window behind the newest: it need not be remembered.
    expect(cursor?.seen).toEqual([seenKey(b.uri), seenKey(a.uri)]);
    expect(lookBackUntil(cursor)).toBe(Date.parse(b.at) - LATE_WINDOW_MS);
  });

  test('a fetch with nothing new keeps the cursor; the first fetch of an empty account has none', () => {
    const first = nextCursor(null, [at('2026-03-02T10:00:00.000Z')]);
    expect(nextCursor(parseCursor(first), [])).toBe(first);
    expect(nextCursor(null, [])).toBeNull();
  });

  test('a notification sorted behind the newest (indexed late) does not move the cursor back', () => {
    const newest = at('2026-03-02T10:20:00.000Z');
    const late = at('2026-03-02T10:05:00.000Z');
    const cursor = parseCursor(nextCursor(parseCursor(nextCursor(null, [newest])), [newest, late]));
    expect(cursor?.at).toBe(newest.at);
    expect(cursor?.seen).toContain(seenKey(late.uri));
  });

  test('an unreadable cursor starts over instead of failing the fetch', () => {
    expect(parseCursor('not json')).toBeNull();
    expect(parseCursor(JSON.stringify({ v: 2, at: 'x' }))).toBeNull();
    expect(parseCursor(null)).toBeNull();
  });
});
