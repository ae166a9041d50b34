import { describe, expect, it } from 'vitest';
import { firstOccurrenceDay, occurrencesBetween, type Recurrence } from './recurrence.ts';

const BERLIN = 'Europe/Berlin';
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const rule = (r: Partial<Recurrence>): Recurrence => ({
  weekday: 2,
  time: '10:00',
  intervalWeeks: 1,
  startsOn: '2026-01-01',
  endsOn: null,
  ...r,
});

describe('firstOccurrenceDay', () => {
  it.each([
    ['2026-01-01', 2, '2026-01-06'], // Thursday → next Tuesday
    ['2026-01-06', 2, '2026-01-06'], // on the weekday itself
    ['2026-02-27', 7, '2026-03-01'], // over the end of February
    ['2028-02-27', 2, '2028-02-29'], // leap day
  ])('%s weekday %i → %s', (startsOn, weekday, expected) => {
    expect(firstOccurrenceDay({ startsOn, weekday })).toBe(expected);
  });
});

describe('occurrencesBetween', () => {
  it('every second Tuesday, counted from the first Tuesday, whatever window is asked', () => {
    const r = rule({ intervalWeeks: 2 });
    expect(
      iso(occurrencesBetween(r, BERLIN, new Date('2026-01-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z'))),
    ).toEqual(['2026-01-06T09:00:00.000Z', '2026-01-20T09:00:00.000Z']);
    // A later window keeps the rhythm (3 Feb, 17 Feb), it does not restart at the window.
    expect(
      iso(occurrencesBetween(r, BERLIN, new Date('2026-01-27T00:00:00Z'), new Date('2026-02-20T00:00:00Z'))),
    ).toEqual(['2026-02-03T09:00:00.000Z', '2026-02-17T09:00:00.000Z']);
  });

  it('keeps the wall time over the spring and autumn DST changes', () => {
    const r = rule({ weekday: 7, time: '10:00', startsOn: '2026-03-22' });
    expect(
      iso(occurrencesBetween(r, BERLIN, new Date('2026-03-20T00:00:00Z'), new Date('2026-04-01T00:00:00Z'))),
    ).toEqual([
      '2026-03-22T09:00:00.000Z', // CET
      '2026-03-29T08:00:00.000Z', // CEST from that night
    ]);
    const autumn = rule({ weekday: 7, time: '02:30', startsOn: '2026-10-18' });
    expect(
      iso(occurrencesBetween(autumn, BERLIN, new Date('2026-10-17T00:00:00Z'), new Date('2026-11-02T00:00:00Z'))),
    ).toEqual(['2026-10-18T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-11-01T01:30:00.000Z']);
  });

  it('moves a time that does not exist on the spring-forward night an hour on', () => {
    const r = rule({ weekday: 7, time: '02:30', startsOn: '2026-03-29' });
    expect(
      iso(occurrencesBetween(r, BERLIN, new Date('2026-03-28T00:00:00Z'), new Date('2026-03-30T00:00:00Z'))),
    ).toEqual(['2026-03-29T01:30:00.000Z']);
  });

  it('ends on endsOn inclusive, and spans the end of the month and a leap day', () => {
    const r = rule({ weekday: 2, startsOn: '2028-02-01', endsOn: '2028-03-07' });
    expect(
      iso(occurrencesBetween(r, BERLIN, new Date('2028-02-20T00:00:00Z'), new Date('2028-06-01T00:00:00Z'))),
    ).toEqual(['2028-02-22T09:00:00.000Z', '2028-02-29T09:00:00.000Z', '2028-03-07T09:00:00.000Z']);
  });

  it('is empty before the start and after the end', () => {
    const r = rule({ startsOn: '2026-06-01', endsOn: '2026-06-30' });
    expect(occurrencesBetween(r, BERLIN, new Date('2026-01-01T00:00:00Z'), new Date('2026-05-31T00:00:00Z'))).toEqual(
      [],
    );
    expect(occurrencesBetween(r, BERLIN, new Date('2026-07-01T00:00:00Z'), new Date('2026-09-01T00:00:00Z'))).toEqual(
      [],
    );
  });

  it('counts from instant: an occurrence exactly at `from` is in, one at `to` is out', () => {
    const r = rule({ startsOn: '2026-01-06' });
    const at = new Date('2026-01-06T09:00:00Z');
    expect(iso(occurrencesBetween(r, BERLIN, at, new Date('2026-01-13T09:00:00Z')))).toEqual([at.toISOString()]);
  });
});
