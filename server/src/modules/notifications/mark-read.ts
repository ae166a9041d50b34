import { and, eq, inArray, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';

/**
 * Marks the person's own notifications read. Ids that are not theirs (or do not exist) are
 * simply not matched: the answer is the same, so it reveals nothing about them.
 */
export async function markRead(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  which: { ids: string[] } | { all: true },
): Promise<void> {
  const own = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  await deps.db
    .update(notifications)
    .set({ readAt: deps.clock() })
    .where('ids' in which ? and(own, inArray(notifications.id, which.ids)) : own);
}
