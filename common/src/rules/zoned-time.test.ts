import { describe, expect, it } from 'vitest';
import { isoToZonedWallTime, zonedWallTimeToIso } from './zoned-time.ts';

describe('zonedWallTimeToIso', () => {
  it.each([
    // [zone, date, time, expected]
    ['Europe/Berlin', '2026-01-15', '09:00', '2026-01-15T09:00:00+01:00'],
    ['Europe/Berlin', '2026-07-01', '09:00', '2026-07-01T09:00:00+02:00'],
    ['Europe/Berlin', '2026-03-29', '01:59', '2026-03-29T01:59:00+01:00'],
    ['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T03:00:00+02:00'],
    ['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T03:00:00+01:00'],
    ['Europe/Berlin', '2026-12-31', '23:59', '2026-12-31T23:59:00+01:00'],
    ['UTC', '2026-03-29', '02:30', '2026-03-29T02:30:00+00:00'],
    ['America/New_York', '2026-03-08', '12:00', '2026-03-08T12:00:00-04:00'],
    ['America/New_York', '2026-01-01', '00:00', '2026-01-01T00:00:00-05:00'],
    ['Asia/Kolkata', '2026-06-01', '10:15', '2026-06-01T10:15:00+05:30'],
    ['America/St_Johns', '2026-01-10', '08:00', '2026-01-10T08:00:00-03:30'],
  ])('%s %s %s → %s', (zone, date, time, expected) => {
    expect(zonedWallTimeToIso({ date, time }, zone)).toBe(expected);
    expect(new Date(expected).getTime()).toBe(Date.parse(zonedWallTimeToIso({ date, time }, zone)));
  });

  it('moves a time in the spring-forward gap (never shown on the clock) forward by an hour', () => {
    expect(zonedWallTimeToIso({ date: '2026-03-29', time: '02:30' }, 'Europe/Berlin')).toBe(
      '2026-03-29T03:30:00+02:00',
    );
    expect(zonedWallTimeToIso({ date: '2026-03-08', time: '02:15' }, 'America/New_York')).toBe(
      '2026-03-08T03:15:00-04:00',
    );
  });

  it('takes the first of the twice-happening hour when clocks go back', () => {
    expect(zonedWallTimeToIso({ date: '2026-10-25', time: '02:30' }, 'Europe/Berlin')).toBe(
      '2026-10-25T02:30:00+02:00',
    );
    expect(zonedWallTimeToIso({ date: '2026-11-01', time: '01:30' }, 'America/New_York')).toBe(
      '2026-11-01T01:30:00-04:00',
    );
  });

  it('refuses malformed input rather than guessing', () => {
    expect(() => zonedWallTimeToIso({ date: '29.03.2026', time: '09:00' }, 'Europe/Berlin')).toThrow(RangeError);
  });
});

describe('isoToZonedWallTime', () => {
  it.each([
    ['2026-03-29T00:59:00Z', 'Europe/Berlin', '2026-03-29', '01:59'],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', '2026-03-29', '03:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25', '02:30'],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25', '02:30'],
    ['2026-12-31T23:30:00Z', 'Europe/Berlin', '2027-01-01', '00:30'],
    ['2026-06-01T04:45:00Z', 'Asia/Kolkata', '2026-06-01', '10:15'],
  ])('%s in %s shows %s %s', (iso, zone, date, time) => {
    expect(isoToZonedWallTime(iso, zone)).toEqual({ date, time });
  });

  it('round-trips every half hour through a DST year in Berlin, except the gap', () => {
    const zone = 'Europe/Berlin';
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 30 * 60_000) {
      const wall = isoToZonedWallTime(t, zone);
      const back = Date.parse(zonedWallTimeToIso(wall, zone));
      // The repeated hour maps to its first occurrence, one hour earlier.
      const repeated = t >= Date.UTC(2026, 9, 25, 1) && t < Date.UTC(2026, 9, 25, 2);
      expect(back).toBe(repeated ? t - 3_600_000 : t);
    }
  });
});
