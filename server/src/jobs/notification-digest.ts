import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { memberships, notifications, organisations } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { digestMail } from '../modules/notifications/digest-mail.ts';
import { sendImmediate, UNSENT_AFTER_MS } from '../modules/notifications/send-immediate.ts';
import { NOTIFICATION_DIGEST_QUEUE } from './queue.ts';

/** The daily summary goes out at 7 o'clock in the person's (first) organisation's time zone. */
export const DIGEST_HOUR = 7;

type Candidate = { id: string; email: string; language: string; timeZone: string | null };

export function localHour(at: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' })
    .formatToParts(at)
    .find((part) => part.type === 'hour')?.value;
  return Number(hour);
}

/**
 * The hourly job: everyone whose local hour is 7 and who has unsent "daily" notifications (in
 * organisations they still belong to) gets one mail listing them; they are marked emailed in
 * the transaction that wrote the mail to the outbox, so a second run in the same hour finds
 * nothing left.
 */
export async function sendDigests(deps: Deps): Promise<{ mails: number }> {
  const now = deps.clock();
  const candidates = await deps.db.execute<Candidate & Record<string, unknown>>(sql`
    select u.id, u.email, u.language,
      (select o.time_zone from memberships m join organisations o on o.id = m.org_id
        where m.user_id = u.id order by m.created_at, m.org_id limit 1) as "timeZone"
    from users u
    where exists (
      select 1 from notifications n
      join memberships m on m.org_id = n.org_id and m.user_id = n.user_id
      where n.user_id = u.id and n.delivery = 'daily' and n.emailed_at is null)`);
  let mails = 0;
  for (const person of candidates.rows) {
    if (localHour(now, person.timeZone ?? 'Europe/Berlin') !== DIGEST_HOUR) continue;
    if (await sendDigest(deps, person, now)) mails += 1;
  }
  return { mails };
}

async function sendDigest(deps: Deps, person: Candidate, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: notifications.id,
        orgId: notifications.orgId,
        type: notifications.type,
        params: notifications.params,
        link: notifications.link,
        organisation: organisations.name,
      })
      .from(notifications)
      .innerJoin(organisations, eq(organisations.id, notifications.orgId))
      .innerJoin(
        memberships,
        and(eq(memberships.orgId, notifications.orgId), eq(memberships.userId, notifications.userId)),
      )
      .where(
        and(eq(notifications.userId, person.id), eq(notifications.delivery, 'daily'), isNull(notifications.emailedAt)),
      )
      .orderBy(asc(notifications.orgId), asc(notifications.createdAt))
      .for('update', { of: notifications, skipLocked: true });
    if (rows.length === 0) return false;
    const mail = digestMail(person.language === 'en' ? 'en' : 'de', {
      items: rows.map((row) => ({ ...row, url: `${deps.config.publicUrl}${row.link}` })),
      url: deps.config.publicUrl,
    });
    // A summary of one organisation is that organisation's mail; across several it is personal,
    // so no organisation's admins read another organisation's news in their outbox.
    const orgIds = new Set(rows.map((row) => row.orgId));
    const orgId = orgIds.size === 1 ? [...orgIds][0]! : null;
    await deps.mailer.send({ orgId, to: person.email, ...mail });
    await tx
      .update(notifications)
      .set({ emailedAt: now })
      .where(
        inArray(
          notifications.id,
          rows.map((row) => row.id),
        ),
      );
    return true;
  });
}

export type NotificationJobs = { stop(): Promise<void> };

/** The hourly digest (a pg-boss schedule, one per cluster) and the minute sweep for unsent mails. */
export async function startNotificationJobs(
  deps: Deps,
  options: { sweepIntervalMs?: number | undefined } = {},
): Promise<NotificationJobs> {
  const { boss } = deps.jobs;
  await boss.work(NOTIFICATION_DIGEST_QUEUE, async () => {
    await sendDigests(deps);
  });
  await boss.schedule(NOTIFICATION_DIGEST_QUEUE, '2 * * * *');
  let running: Promise<unknown> = Promise.resolve();
  const sweepUnsent = () => {
    running = running
      .then(() => sendImmediate(deps, { olderThanMs: UNSENT_AFTER_MS }))
      .catch((error: unknown) => deps.log.error({ err: error }, 'notification mail sweep failed'));
    return running;
  };
  const timer = setInterval(sweepUnsent, options.sweepIntervalMs ?? deps.config.publishing.sweepIntervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await boss.offWork(NOTIFICATION_DIGEST_QUEUE);
      await running;
    },
  };
}
