import { describe, expect, it } from 'vitest';
import type { InboxStatus } from '../schemas/inbox.ts';
import { isOverdue, isWeekendIn, responseDueAt } from './response-time.ts';

const practice = { workdayMinutes: 180, weekendMinutes: 1440 };

describe('responseDueAt', () => {
  const table: [string, string, string, string][] = [
    // [what, receivedAt, timeZone, dueAt]
    ['Tuesday morning in Berlin: 3 h', '2026-05-12T09:00:00+02:00', 'Europe/Berlin', '2026-05-12T12:00:00+02:00'],
    ['Saturday afternoon: 24 h', '2026-05-16T15:00:00+02:00', 'Europe/Berlin', '2026-05-17T15:00:00+02:00'],
    ['Sunday evening: 24 h, due Monday', '2026-05-17T20:00:00+02:00', 'Europe/Berlin', '2026-05-18T20:00:00+02:00'],
    // The target counts from reception: Friday 23:00 is a workday item, due Saturday 02:00.
    [
      'Friday 23:00: workday target into Saturday',
      '2026-05-15T23:00:00+02:00',
      'Europe/Berlin',
      '2026-05-16T02:00:00+02:00',
    ],
    // 23:30 UTC on a Friday is already Saturday 01:30 in Berlin: the zone decides, not UTC.
    ['Friday 23:30 UTC = Saturday in Berlin', '2026-05-15T23:30:00Z', 'Europe/Berlin', '2026-05-16T23:30:00Z'],
    ['Sunday 23:59 Berlin is still weekend', '2026-05-17T23:59:00+02:00', 'Europe/Berlin', '2026-05-18T23:59:00+02:00'],
    ['Monday 00:00 Berlin is a workday', '2026-05-18T00:00:00+02:00', 'Europe/Berlin', '2026-05-18T03:00:00+02:00'],
    // Spring forward (29 March 2026, 02:00 → 03:00): 24 elapsed hours end at 02:00 CEST wall time.
    ['Sunday before the spring DST change', '2026-03-29T01:00:00+01:00', 'Europe/Berlin', '2026-03-30T02:00:00+02:00'],
    // Fall back (25 October 2026, 03:00 → 02:00): 24 elapsed hours end at 00:00 CET wall time.
    ['Sunday before the autumn DST change', '2026-10-25T01:00:00+02:00', 'Europe/Berlin', '2026-10-26T00:00:00+01:00'],
    ['Saturday night across spring DST', '2026-03-28T23:30:00+01:00', 'Europe/Berlin', '2026-03-30T00:30:00+02:00'],
    // Another zone: Friday 20:00 in New York is Saturday 01:00 UTC but still a workday there.
    ['Friday evening in New York', '2026-05-15T20:00:00-04:00', 'America/New_York', '2026-05-15T23:00:00-04:00'],
    ['Same instant in Berlin is Saturday', '2026-05-15T20:00:00-04:00', 'Europe/Berlin', '2026-05-16T20:00:00-04:00'],
    // Monday morning in Auckland is still Sunday in UTC.
    ['Monday in Auckland', '2026-05-17T22:00:00Z', 'Pacific/Auckland', '2026-05-18T01:00:00Z'],
  ];
  it.each(table)('%s', (_what, received, zone, due) => {
    expect(responseDueAt(new Date(received), practice, zone).toISOString()).toBe(new Date(due).toISOString());
  });

  it('uses the organisation’s own targets', () => {
    const due = responseDueAt(new Date('2026-05-12T09:00:00Z'), { workdayMinutes: 60, weekendMinutes: 600 }, 'UTC');
    expect(due.toISOString()).toBe('2026-05-12T10:00:00.000Z');
  });
});

describe('isWeekendIn', () => {
  it.each([
    ['2026-05-16T12:00:00Z', 'Europe/Berlin', true],
    ['2026-05-17T12:00:00Z', 'Europe/Berlin', true],
    ['2026-05-18T12:00:00Z', 'Europe/Berlin', false],
    ['2026-05-15T22:30:00Z', 'Europe/Berlin', true],
    ['2026-05-15T22:30:00Z', 'America/Los_Angeles', false],
  ])('%s in %s → %s', (instant, zone, expected) => {
    expect(isWeekendIn(new Date(instant), zone)).toBe(expected);
  });
});

describe('isOverdue', () => {
  const due = new Date('2026-05-12T12:00:00Z');
  const table: [InboxStatus, Date | null, string, boolean][] = [
    ['open', due, '2026-05-12T12:00:01Z', true],
    ['open', due, '2026-05-12T12:00:00Z', false],
    ['open', due, '2026-05-12T11:59:00Z', false],
    ['answered', due, '2026-05-13T00:00:00Z', false],
    ['no_answer_needed', due, '2026-05-13T00:00:00Z', false],
    ['escalated', due, '2026-05-13T00:00:00Z', false],
    ['open', null, '2026-05-13T00:00:00Z', false],
  ];
  it.each(table)('%s, due %s, now %s → %s', (status, dueAt, now, expected) => {
    expect(isOverdue(dueAt, status, new Date(now))).toBe(expected);
  });
});
