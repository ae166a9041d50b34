import { type Language, localDay, type WithdrawalResult, type withdrawConsentSchema } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/open.ts';
import { consents, people, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { orgTimeZone } from '../calendar/org-time-zone.ts';
import { consentView } from '../people/consent-view.ts';
import { applyWithdrawal } from './withdrawal-effects.ts';

type OrgActor = Actor & { orgId: string; language: Language };
type Withdrawal = z.output<typeof withdrawConsentSchema>;

/**
 * Record a withdrawal and act on it in the same transaction: scheduled posts that depended on
 * the consent are held, published ones are taken down (jobs enqueued after commit, so a job
 * never looks for a takedown that is not there yet).
 */
export async function withdrawConsent(
  deps: Deps,
  actor: OrgActor,
  consentId: string,
  input: Withdrawal,
): Promise<WithdrawalResult> {
  // Effective for the future, from the moment it arrives: a date ahead would let posts due
  // before it go out and leave nobody to take them down on the day.
  const timeZone = await orgTimeZone(deps.db, actor.orgId);
  const today = localDay(deps.clock(), timeZone);
  if (input.on > today) {
    throw new AppError('input_invalid', [
      fieldError(
        'on',
        'withdrawal_in_future',
        {
          de: 'Ein Widerruf gilt ab seinem Eingang. Bitte das Datum von heute oder früher angeben.',
          en: 'A withdrawal applies from when it arrives. Please give today’s date or an earlier one.',
        },
        actor.language,
      ),
    ]);
  }
  const done = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ consent: consents, personName: people.displayName })
      .from(consents)
      .innerJoin(people, eq(people.id, consents.personId))
      .where(and(eq(consents.id, consentId), eq(consents.orgId, actor.orgId)))
      .for('update', { of: consents });
    if (!row) throw new AppError('not_found');
    if (row.consent.withdrawnOn) throw new AppError('consent_already_withdrawn');
    const updated = await markWithdrawn(deps, tx, actor, row.consent.id, input);
    const effects = await applyWithdrawal(deps, tx, actor, {
      orgId: actor.orgId,
      personId: row.consent.personId,
      personName: row.personName,
      consentId: row.consent.id,
    });
    return { updated, effects };
  });
  for (const targetId of done.effects.automatic) await deps.jobs.sendTakedown(targetId);
  const [recorder] = done.updated.recordedBy
    ? await deps.db.select({ name: users.name }).from(users).where(eq(users.id, done.updated.recordedBy))
    : [];
  return {
    consent: consentView(done.updated, today, recorder?.name ?? null),
    stoppedTargets: done.effects.stoppedTargets,
    takedowns: done.effects.automatic.length,
    manualTasks: done.effects.manualTasks,
  };
}

/** The withdrawal itself (on, by, how, note, when recorded), audited by ids only. */
export async function markWithdrawn(
  deps: Deps,
  tx: Tx,
  actor: Actor & { orgId: string },
  consentId: string,
  input: Withdrawal,
): Promise<typeof consents.$inferSelect> {
  const [updated] = await tx
    .update(consents)
    .set({
      withdrawnOn: input.on,
      withdrawnBy: input.by,
      withdrawnHow: input.how,
      withdrawalNote: input.note,
      withdrawalRecordedAt: deps.clock(),
    })
    .where(eq(consents.id, consentId))
    .returning();
  await recordAudit(tx, actor, {
    orgId: actor.orgId,
    action: 'consent.withdrawn',
    targetType: 'consent',
    targetId: consentId,
    details: { personId: updated!.personId, on: input.on, by: input.by, how: input.how },
  });
  return updated!;
}
