import { describe, expect, it } from 'vitest';
import { nextFreeSlot } from './posting-slots.ts';

const BERLIN = 'Europe/Berlin';
const tueThu10 = [
  { weekday: 2, time: '10:00' },
  { weekday: 4, time: '10:00' },
];

describe('nextFreeSlot', () => {
  it.each([
    // [after, slots, taken, expected]
    ['2026-01-12T08:00:00Z', tueThu10, [], '2026-01-13T09:00:00.000Z'], // Mon → Tue 10:00 CET
    ['2026-01-13T09:00:00Z', tueThu10, [], '2026-01-15T09:00:00.000Z'], // exactly at a slot: strictly after
    ['2026-01-13T08:59:00Z', tueThu10, ['2026-01-13T09:00:30Z'], '2026-01-15T09:00:00.000Z'], // same minute taken
    ['2026-07-13T06:00:00Z', tueThu10, [], '2026-07-14T08:00:00.000Z'], // summer: 10:00 CEST
    // Spring forward on Sunday 29 March 2026: 02:30 does not exist, moves to 03:30 CEST.
    ['2026-03-28T12:00:00Z', [{ weekday: 7, time: '02:30' }], [], '2026-03-29T01:30:00.000Z'],
    // Fall back on Sunday 25 October 2026: 02:30 happens twice, the first one counts.
    ['2026-10-24T12:00:00Z', [{ weekday: 7, time: '02:30' }], [], '2026-10-25T00:30:00.000Z'],
    // Over a DST change the wall time stays: Tue 10:00 before and after.
    ['2026-03-25T12:00:00Z', [{ weekday: 2, time: '10:00' }], [], '2026-03-31T08:00:00.000Z'],
    // End of month and year.
    ['2026-12-31T22:00:00Z', [{ weekday: 5, time: '09:00' }], [], '2027-01-01T08:00:00.000Z'],
    // Leap day 2028 is a Tuesday.
    ['2028-02-28T12:00:00Z', tueThu10, [], '2028-02-29T09:00:00.000Z'],
    // Local day differs from the UTC day: 23:30 UTC Monday is Tuesday 00:30 in Berlin.
    ['2026-01-12T23:30:00Z', [{ weekday: 2, time: '06:00' }], [], '2026-01-13T05:00:00.000Z'],
  ])('after %s → %s', (after, slots, taken, expected) => {
    const next = nextFreeSlot(
      slots,
      taken.map((t) => new Date(t)),
      BERLIN,
      new Date(after),
    );
    expect(next?.toISOString()).toBe(expected);
  });

  it('skips taken slots in order, several weeks on', () => {
    const after = new Date('2026-01-12T00:00:00Z');
    const taken = ['2026-01-13T09:00:00Z', '2026-01-15T09:00:00Z', '2026-01-20T09:00:00Z'].map((t) => new Date(t));
    expect(nextFreeSlot(tueThu10, taken, BERLIN, after)?.toISOString()).toBe('2026-01-22T09:00:00.000Z');
  });

  it('uses the organisation zone, not the server zone', () => {
    const next = nextFreeSlot(
      [{ weekday: 1, time: '09:00' }],
      [],
      'America/New_York',
      new Date('2026-01-11T12:00:00Z'),
    );
    expect(next?.toISOString()).toBe('2026-01-12T14:00:00.000Z');
  });

  it('is null without slots, and when eight weeks are full', () => {
    expect(nextFreeSlot([], [], BERLIN, new Date('2026-01-12T00:00:00Z'))).toBeNull();
    const after = new Date('2026-01-12T00:00:00Z');
    const taken = Array.from({ length: 10 }, (_, w) => new Date(Date.UTC(2026, 0, 13 + 7 * w, 9)));
    expect(nextFreeSlot([{ weekday: 2, time: '10:00' }], taken, BERLIN, after)).toBeNull();
  });
});
