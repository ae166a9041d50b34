import type { InboxStatus } from '../schemas/inbox.ts';

// Response-time targets (the practice: answer within 3 h on workdays, within 24 h at weekends).
//
// The rule is deliberately simple: the target counts from the moment an item arrives, and only
// the day it arrives on decides which target applies — a workday (Monday to Friday) or a weekend
// day, both read in the organisation's time zone. We do not pause the clock at night or carry
// it over into the next working day: a comment on Friday at 23:00 with a 3 h target is due
// Saturday at 02:00, because people expect an answer on social media at any hour and a rule
// that jumps over nights would make "overdue" hard to explain. Targets are elapsed minutes, so
// across a DST change 3 h stay 3 real hours (the wall clock may show 2 or 4 h difference).
// Public holidays are not modelled; they count as the weekday they fall on.

export type ResponseTargets = { workdayMinutes: number; weekendMinutes: number };

const MINUTE = 60_000;
const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

/** 'Mon' … 'Sun' as the organisation's wall clock shows it at that instant. */
function weekdayIn(instant: Date, timeZone: string): string {
  let f = weekdayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' });
    weekdayFormatters.set(timeZone, f);
  }
  return f.format(instant);
}

/** Saturday or Sunday in `timeZone` at that instant. */
export function isWeekendIn(instant: Date, timeZone: string): boolean {
  const day = weekdayIn(instant, timeZone);
  return day === 'Sat' || day === 'Sun';
}

/** When an item received at `receivedAt` should be answered by (see the rule above). */
export function responseDueAt(receivedAt: Date, targets: ResponseTargets, timeZone: string): Date {
  const minutes = isWeekendIn(receivedAt, timeZone) ? targets.weekendMinutes : targets.workdayMinutes;
  return new Date(receivedAt.getTime() + minutes * MINUTE);
}

/**
 * Overdue means: still open and past its due time. Answered, "no answer needed" and escalated
 * items are with someone already, so they never show the overdue marker.
 */
export function isOverdue(dueAt: Date | null, status: InboxStatus, now: Date): boolean {
  return status === 'open' && dueAt !== null && dueAt.getTime() < now.getTime();
}
