import type { Language, When } from '@nahbar/common';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { organisations } from '../../db/schema/index.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { nextFreeSlots } from '../calendar/queue-slots.ts';

/** Scheduling a minute into the past is "now" (clocks differ); more is a mistake. */
const PAST_GRACE_MS = 60_000;

/** The one due time of draft/now/at; the queue gives each channel its own (dueTimes). */
export function dueFrom(when: Exclude<When, { mode: 'queue' }>, now: Date, language: Language): Date | null {
  if (when.mode === 'draft') return null;
  if (when.mode === 'now') return now;
  const at = new Date(when.at);
  if (at.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw new AppError('due_in_past', [
      fieldError(
        'when.at',
        'past',
        { de: 'Der Zeitpunkt liegt in der Vergangenheit.', en: 'The time is in the past.' },
        language,
      ),
    ]);
  }
  return at;
}

/**
 * Each channel's due time. The queue puts every channel on its own next free posting slot, in
 * the organisation's time zone; a channel without slots is refused, named in the details.
 */
export async function dueTimes(
  db: DbOrTx,
  orgId: string,
  when: When,
  targets: { field: string; channelId: string; channelName: string }[],
  now: Date,
  language: Language,
): Promise<Map<string, Date | null>> {
  if (when.mode !== 'queue') {
    const due = dueFrom(when, now, language);
    return new Map(targets.map((t) => [t.channelId, due]));
  }
  const [org] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const slots = await nextFreeSlots(
    db,
    orgId,
    targets.map((t) => t.channelId),
    org?.timeZone ?? 'Europe/Berlin',
    now,
  );
  const missing = targets.filter((t) => !slots.get(t.channelId));
  if (missing.length) {
    throw new AppError(
      'no_posting_slots',
      missing.map((t) =>
        fieldError(
          `${t.field}.channelId`,
          'no_posting_slots',
          {
            de: `„${t.channelName}“ hat keine freie Sendezeit. Bitte legen Sie Sendezeiten an oder wählen Sie einen Zeitpunkt.`,
            en: `“${t.channelName}” has no free posting slot. Please add posting slots or choose a time.`,
          },
          language,
        ),
      ),
    );
  }
  return slots;
}

type QueueTarget = { field: string; channelId: string; channelName: string };

/**
 * The queue decided again inside the writing transaction, one queueing writer per organisation
 * at a time (a transaction-scoped advisory lock): two posts queued at the same moment never get
 * the same slot. Other modes keep what was decided before the transaction.
 */
export async function dueTimesInTransaction(
  tx: DbOrTx,
  orgId: string,
  when: When,
  targets: QueueTarget[],
  now: Date,
  language: Language,
  decided: Map<string, Date | null>,
): Promise<Map<string, Date | null>> {
  if (when.mode !== 'queue') return decided;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`nahbar-queue:${orgId}`}))`);
  return dueTimes(tx, orgId, when, targets, now, language);
}
