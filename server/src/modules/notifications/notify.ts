import type { NotificationType } from '@nahbar/common';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/open.ts';
import { notificationPreferences, notifications } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { modesWithDefaults } from './defaults.ts';
import { sendImmediate } from './send-immediate.ts';

export type NotifyInput = {
  orgId: string;
  /** Duplicates are dropped: one notification per person and event. */
  userIds: string[];
  type: NotificationType;
  params: Record<string, string>;
  link: string;
};

/** Rows written, and those to e-mail at once (after the caller's commit: see deliverNotified). */
export type Notified = { ids: string[]; immediate: string[] };

/**
 * Tell these people, each with the delivery their preferences choose now. Inside the caller's
 * transaction when given one: the notification exists exactly when the event does. The caller
 * then calls deliverNotified after commit; if the process dies first, the minute sweep
 * (sendOverdueImmediate) sends what is still unsent.
 */
export async function notify(deps: Deps, input: NotifyInput, tx?: Tx): Promise<Notified> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return { ids: [], immediate: [] };
  const db = tx ?? deps.db;
  const stored = await db
    .select()
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, userIds));
  const modesOf = new Map(stored.map((row) => [row.userId, row.modes]));
  const now = deps.clock();
  const rows = await db
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        orgId: input.orgId,
        userId,
        type: input.type,
        params: input.params,
        link: input.link,
        delivery: modesWithDefaults(modesOf.get(userId))[input.type],
        createdAt: now,
      })),
    )
    .returning({ id: notifications.id, delivery: notifications.delivery });
  const notified = {
    ids: rows.map((r) => r.id),
    immediate: rows.filter((r) => r.delivery === 'immediately').map((r) => r.id),
  };
  if (!tx) await deliverNotified(deps, notified);
  return notified;
}

/** After commit: the e-mails of "immediately". A failure here is left to the sweep. */
export async function deliverNotified(deps: Deps, notified: Notified): Promise<void> {
  if (notified.immediate.length === 0) return;
  try {
    await sendImmediate(deps, { ids: notified.immediate });
  } catch (error) {
    deps.log.error({ err: error }, 'notification mail failed; the sweep sends it');
  }
}
