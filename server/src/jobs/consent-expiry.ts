import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { consents, memberships, organisations, people } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { deliverNotified, type Notified, notify } from '../modules/notifications/notify.ts';
import { orgMembersWithRoles } from '../modules/notifications/recipients.ts';

/** A consent's reminder goes out this many days before its last valid day. */
export const REMINDER_DAYS = 30;

/**
 * Daily: consents whose last day is at most 30 days ahead (in the organisation's zone) and
 * that nobody was reminded of yet — their privacy officers and whoever recorded them are told,
 * once (reminder_sent_at). A missed day catches up the next: the condition is "within 30 days",
 * not "exactly 30".
 */
export async function remindExpiringConsents(deps: Deps): Promise<{ reminded: number }> {
  const now = deps.clock();
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${organisations.timeZone})::date`;
  const due = await deps.db
    .select({ consent: consents, personName: people.displayName })
    .from(consents)
    .innerJoin(people, eq(people.id, consents.personId))
    .innerJoin(organisations, eq(organisations.id, consents.orgId))
    .where(
      and(
        isNull(consents.reminderSentAt),
        isNull(consents.withdrawnOn),
        isNotNull(consents.validUntil),
        sql`${consents.validUntil} >= ${today}`,
        sql`${consents.validUntil} <= ${today} + ${REMINDER_DAYS}::int`,
      ),
    );
  let reminded = 0;
  for (const { consent, personName } of due) {
    const notified = await deps.db.transaction(async (tx): Promise<Notified | null> => {
      // Whoever marks it first sends it: a second worker's run finds it already taken.
      const [claimed] = await tx
        .update(consents)
        .set({ reminderSentAt: now })
        .where(and(eq(consents.id, consent.id), isNull(consents.reminderSentAt)))
        .returning({ id: consents.id });
      if (!claimed) return null;
      const officers = await orgMembersWithRoles(tx, consent.orgId, ['privacy_officer']);
      const recorder = consent.recordedBy
        ? await tx
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(and(eq(memberships.orgId, consent.orgId), eq(memberships.userId, consent.recordedBy)))
        : [];
      return notify(
        deps,
        {
          orgId: consent.orgId,
          userIds: [...officers, ...recorder.map((r) => r.userId)],
          type: 'consent_expiring',
          params: { person: personName, expiresOn: consent.validUntil! },
          link: `/personen/${consent.personId}`,
        },
        tx,
      );
    });
    if (!notified) continue;
    reminded += 1;
    await deliverNotified(deps, notified);
  }
  return { reminded };
}
