import { describe, expect, test } from 'vitest';
import { postRecordKey } from './record-key.ts';

// The TID syntax from the AT Protocol specification.
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const key = '6f1c2a4e-8d3b-4f5a-9c7e-1b2d3e4f5a6b';
const createdAt = new Date('2026-03-01T09:00:00.000Z');

describe('postRecordKey', () => {
  test('is a valid TID, the key type app.bsky.feed.post demands', () => {
    for (let i = 0; i < 25; i += 1) {
      const rkey = postRecordKey(key, createdAt, i);
      expect(rkey).toMatch(TID);
    }
  });

  test('is the same on every retry of the same post target', () => {
    expect(postRecordKey(key, createdAt, 0)).toBe(postRecordKey(key, new Date(createdAt), 0));
  });

  test('differs between post targets scheduled for the same moment', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 500; i += 1) keys.add(postRecordKey(`${key}-${i}`, createdAt, 0));
    expect(keys.size).toBe(500);
  });

  test('the parts of a thread sort in order and near their schedule time', () => {
    const parts = Array.from({ length: 10 }, (_, i) => postRecordKey(key, createdAt, i));
    expect([...parts].sort()).toEqual(parts);
    expect(new Set(parts).size).toBe(10);
    // A TID made from the clock one minute later sorts after every part.
    const later = postRecordKey('other', new Date(createdAt.getTime() + 60_000), 0);
    expect(parts.every((p) => p < later)).toBe(true);
  });
});
