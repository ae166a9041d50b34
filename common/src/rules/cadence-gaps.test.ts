import { describe, expect, it } from 'vitest';
import { type ChannelCadence, cadenceGaps, localDaysOf } from './cadence-gaps.ts';
import { isoToZonedWallTime } from './zoned-time.ts';

const BERLIN = 'Europe/Berlin';
const channel = (c: Partial<ChannelCadence>): ChannelCadence => ({
  channelId: 'c1',
  intervalDays: 7,
  createdAt: new Date('2025-01-01T12:00:00Z'),
  lastBefore: null,
  posts: [],
  ...c,
});
const window = { from: '2026-03-01', to: '2026-03-31', today: '2026-03-01', timeZone: BERLIN };
const ranges = (gaps: { from: string; to: string }[]) => gaps.map((g) => [g.from, g.to]);

describe('cadenceGaps', () => {
  it('marks the days after the interval ran out until the next post, merged into ranges', () => {
    const gaps = cadenceGaps(
      [
        channel({
          lastBefore: new Date('2026-02-27T10:00:00Z'),
          posts: [new Date('2026-03-12T10:00:00Z'), new Date('2026-03-16T10:00:00Z')],
        }),
      ],
      window,
    );
    // 27 Feb + 7 days = 6 March still fine; 7–11 March stale; 12 March a post; 24 March stale again.
    expect(ranges(gaps)).toEqual([
      ['2026-03-07', '2026-03-11'],
      ['2026-03-24', '2026-03-31'],
    ]);
    expect(gaps[0]).toMatchObject({ channelId: 'c1', intervalDays: 7 });
  });

  it('counts local days: a post at 23:30 Berlin time on 1 March (22:30 UTC) belongs to 1 March', () => {
    const gaps = cadenceGaps([channel({ posts: [new Date('2026-03-01T22:30:00Z')] })], window);
    expect(ranges(gaps)).toEqual([['2026-03-09', '2026-03-31']]);
  });

  it('a channel never posted to is due one interval after it was connected', () => {
    const gaps = cadenceGaps([channel({ createdAt: new Date('2026-03-10T08:00:00Z'), intervalDays: 14 })], window);
    expect(ranges(gaps)).toEqual([['2026-03-24', '2026-03-31']]);
  });

  it('warns from today on, not about days that are over', () => {
    const gaps = cadenceGaps([channel({ lastBefore: new Date('2026-01-01T10:00:00Z') })], {
      ...window,
      today: '2026-03-20',
    });
    expect(ranges(gaps)).toEqual([['2026-03-20', '2026-03-31']]);
    expect(cadenceGaps([channel({})], { ...window, today: '2026-04-02' })).toEqual([]);
  });

  it('runs over the DST change, the end of February and a leap day like any other days', () => {
    const gaps = cadenceGaps([channel({ intervalDays: 2, lastBefore: new Date('2028-02-26T10:00:00Z') })], {
      from: '2028-02-27',
      to: '2028-03-02',
      today: '2028-02-27',
      timeZone: BERLIN,
    });
    expect(ranges(gaps)).toEqual([['2028-02-29', '2028-03-02']]);
    const dst = cadenceGaps(
      [
        channel({
          intervalDays: 1,
          lastBefore: new Date('2026-03-28T23:30:00Z'),
          posts: [new Date('2026-03-31T08:00:00Z')],
        }),
      ],
      { from: '2026-03-29', to: '2026-04-01', today: '2026-03-29', timeZone: BERLIN },
    );
    // 23:30 UTC is 00:30 CET on Sunday 29 March, the night the clocks jump: 30 March is one day on.
    expect(ranges(dst)).toEqual([]);
  });

  it('keeps channels apart', () => {
    const gaps = cadenceGaps(
      [
        channel({ channelId: 'a', posts: [new Date('2026-03-05T10:00:00Z')] }),
        channel({ channelId: 'b', intervalDays: 30, lastBefore: new Date('2026-02-25T10:00:00Z') }),
      ],
      window,
    );
    expect(gaps.map((g) => [g.channelId, g.from, g.to])).toEqual([
      ['a', '2026-03-01', '2026-03-04'],
      ['a', '2026-03-13', '2026-03-31'],
      ['b', '2026-03-28', '2026-03-31'],
    ]);
  });
});

describe('localDaysOf', () => {
  it('gives every instant its local day, also across DST changes, like one look-up each', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Africa/Casablanca', 'Australia/Sydney', 'Asia/Kolkata'];
    // Every 37 minutes through 2026 (both DST changes, Ramadan in Morocco), sorted or not.
    const instants = Array.from({ length: 14_000 }, (_, i) => Date.UTC(2026, 0, 1) + i * 37 * 60_000 + (i % 7) * 1000);
    for (const zone of zones) {
      const shuffled = [...instants].reverse();
      const expected = instants.map((t) => isoToZonedWallTime(t, zone).date);
      expect(localDaysOf(shuffled, zone)).toEqual(expected);
    }
  });
});
