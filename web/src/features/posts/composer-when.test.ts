import type { Post, PostTarget } from '@nahbar/common';
import { describe, expect, it } from 'vitest';
import { initialWhen, nextFullHour, upcoming } from './composer-when.ts';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);

function post(targets: Partial<PostTarget>[], plannedAt: string | null = null): Post {
  return { plannedAt, targets } as unknown as Post;
}

describe('nextFullHour', () => {
  it('rounds up on the organisation’s clock', () => {
    expect(nextFullHour(BERLIN, at('2026-06-10T08:15:00Z'))).toEqual({ date: '2026-06-10', time: '11:00' });
  });
  it('skips an hour less than a quarter of an hour away', () => {
    expect(nextFullHour(BERLIN, at('2026-06-10T08:50:00Z'))).toEqual({ date: '2026-06-10', time: '12:00' });
  });
  it('rolls over to the next day', () => {
    expect(nextFullHour(BERLIN, at('2026-06-10T21:30:00Z'))).toEqual({ date: '2026-06-11', time: '00:00' });
  });
  it('uses full hours of a half-hour zone, not UTC hours', () => {
    expect(nextFullHour('Asia/Kolkata', at('2026-06-10T04:00:00Z'))).toEqual({ date: '2026-06-10', time: '10:00' });
  });
  it('moves past a spring-forward gap', () => {
    // 01:50 in Berlin on the night clocks jump from 02:00 to 03:00.
    expect(nextFullHour(BERLIN, at('2026-03-29T00:50:00Z'))).toEqual({ date: '2026-03-29', time: '03:00' });
  });
});

describe('upcoming', () => {
  const now = at('2026-06-10T08:15:00Z'); // 10:15 in Berlin
  it('keeps a time still ahead', () => {
    expect(upcoming('2026-06-12T07:00:00Z', BERLIN, now)).toEqual({ date: '2026-06-12', time: '09:00' });
  });
  it('offers the next full hour of the planned day when its time passed today', () => {
    expect(upcoming('2026-06-10T07:00:00Z', BERLIN, now)).toEqual({ date: '2026-06-10', time: '11:00' });
  });
  it('offers the next full hour from today when the planned day is over', () => {
    expect(upcoming('2026-06-01T07:00:00Z', BERLIN, now)).toEqual({ date: '2026-06-10', time: '11:00' });
  });
});

describe('initialWhen', () => {
  const now = at('2026-06-10T08:15:00Z');
  const modes = ['now', 'at', 'queue', 'draft'] as const;
  it('opens an overdue scheduled post at the next full hour, not at its past time', () => {
    const overdue = post([{ state: 'scheduled', dueAt: '2026-06-10T06:00:00Z' }]);
    expect(initialWhen(overdue, BERLIN, [...modes], now)).toEqual({ mode: 'at', date: '2026-06-10', time: '11:00' });
  });
  it('opens a held post ready to be planned again', () => {
    const held = post([{ state: 'held', dueAt: '2026-06-09T06:00:00Z' }]);
    expect(initialWhen(held, BERLIN, [...modes], now)).toEqual({ mode: 'at', date: '2026-06-10', time: '11:00' });
  });
  it('opens a scheduled post at its future time', () => {
    const later = post([{ state: 'scheduled', dueAt: '2026-06-11T16:30:00Z' }]);
    expect(initialWhen(later, BERLIN, [...modes], now)).toEqual({ mode: 'at', date: '2026-06-11', time: '18:30' });
  });
  it('keeps a draft a draft, offering its planned day for "Zu einem Zeitpunkt"', () => {
    const draft = post([{ state: 'draft', dueAt: null }], '2026-06-15T08:00:00Z');
    expect(initialWhen(draft, BERLIN, [...modes], now)).toEqual({ mode: 'draft', date: '2026-06-15', time: '10:00' });
  });
  it('keeps a contributor in draft mode whatever the post’s time', () => {
    const overdue = post([{ state: 'scheduled', dueAt: '2026-06-10T06:00:00Z' }]);
    expect(initialWhen(overdue, BERLIN, ['draft'], now)).toEqual({ mode: 'draft', date: '2026-06-10', time: '11:00' });
  });
});
