import type { Language } from '@nahbar/common';
import { and, asc, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { memberships, notifications, organisations, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { notificationMail } from './mail-texts.ts';

const BATCH = 200;
/** Rows this old and still unsent lost their sender (process died after commit). */
export const UNSENT_AFTER_MS = 60_000;

// One sending transaction at a time per process: each holds a connection while the mailer
// takes another for the outbox, so unbounded parallel sends could starve the pool.
let queue: Promise<unknown> = Promise.resolve();
const serially = <T>(work: () => Promise<T>): Promise<T> => {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
};

/**
 * E-mails "immediately" notifications not yet mailed: the given ones, or (sweep) those older
 * than a minute. Rows are locked while their mail goes to the outbox and marked emailed in
 * the same transaction, so two senders never mail one twice and a crash before commit leaves
 * them for the sweep. Only people still in the organisation get its mail.
 */
export async function sendImmediate(deps: Deps, which: { ids: string[] } | { olderThanMs: number }): Promise<number> {
  const scope: SQL =
    'ids' in which
      ? inArray(notifications.id, which.ids)
      : lt(notifications.createdAt, new Date(deps.clock().getTime() - which.olderThanMs));
  if ('ids' in which && which.ids.length === 0) return 0;
  return serially(() =>
    deps.db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: notifications.id,
          orgId: notifications.orgId,
          type: notifications.type,
          params: notifications.params,
          link: notifications.link,
          email: users.email,
          language: users.language,
          organisation: organisations.name,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .innerJoin(organisations, eq(organisations.id, notifications.orgId))
        .innerJoin(
          memberships,
          and(eq(memberships.orgId, notifications.orgId), eq(memberships.userId, notifications.userId)),
        )
        .where(and(eq(notifications.delivery, 'immediately'), isNull(notifications.emailedAt), scope))
        .orderBy(asc(notifications.createdAt))
        .limit(BATCH)
        .for('update', { of: notifications, skipLocked: true });
      for (const row of rows) {
        const mail = notificationMail(row.language === 'en' ? 'en' : ('de' as Language), {
          type: row.type,
          params: row.params,
          organisation: row.organisation,
          url: `${deps.config.publicUrl}${row.link}`,
        });
        await deps.mailer.send({ orgId: row.orgId, to: row.email, ...mail });
      }
      if (rows.length > 0) {
        await tx
          .update(notifications)
          .set({ emailedAt: deps.clock() })
          .where(
            inArray(
              notifications.id,
              rows.map((r) => r.id),
            ),
          );
      }
      return rows.length;
    }),
  );
}
