import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.ts';

const now = Date.parse('2026-03-10T12:00:00Z');
const before = (ms: number) => new Date(now - ms).toISOString();

describe('relative time of a notification', () => {
  it('says "jetzt" for the last minute, also when the server clock is a little ahead', () => {
    expect(relativeTime(before(20_000), now, 'de-DE')).toBe('jetzt');
    expect(relativeTime(before(-5_000), now, 'de-DE')).toBe('jetzt');
  });

  it('counts minutes, hours and days in German and English', () => {
    expect(relativeTime(before(5 * 60_000), now, 'de-DE')).toBe('vor 5 Minuten');
    expect(relativeTime(before(3 * 3_600_000 + 59 * 60_000), now, 'de-DE')).toBe('vor 3 Stunden');
    expect(relativeTime(before(26 * 3_600_000), now, 'de-DE')).toBe('gestern');
    expect(relativeTime(before(3 * 86_400_000), now, 'en-GB')).toBe('3 days ago');
  });

  it('names the date once it is a week old', () => {
    expect(relativeTime(before(10 * 86_400_000), now, 'de-DE')).toBe('28.02.2026');
  });
});
