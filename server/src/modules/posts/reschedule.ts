/**
 * A target put (back) into the schedule, or back to draft: a new due time, and a fresh start —
 * attempts, backoff and the last error belong to the old plan.
 */
export function rescheduled(dueAt: Date | null, now: Date) {
  return {
    state: dueAt ? 'scheduled' : 'draft',
    dueAt,
    attempts: 0,
    retryAt: null,
    leaseUntil: null,
    errorKind: null,
    errorMessage: null,
    errorNetworkMessage: null,
    errorAt: null,
    updatedAt: now,
  };
}
