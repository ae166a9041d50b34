import { localDay } from '@nahbar/common';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/open.ts';
import {
  consentRequests,
  consents,
  mediaPeople,
  mediaPeopleReviews,
  notifications,
  people,
  postPeople,
  postTargets,
  takedownTasks,
} from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { mediaStoreOf } from '../../storage/index.ts';
import { recordAudit } from '../audit/service.ts';
import { orgTimeZone } from '../calendar/org-time-zone.ts';
import { markWithdrawn } from './withdraw.ts';
import { applyWithdrawal } from './withdrawal-effects.ts';

type OrgActor = Actor & { orgId: string };

const ERASED = 'erased person';

/**
 * The right to erasure, in one transaction: every active consent is withdrawn (with the
 * takedowns that follows), images that showed the person are blocked until someone looks at
 * them again, and the person, their consents, links, tags and namings are deleted. What stays:
 * taken-down posts and the audit trail, by id only. Evidence files go after commit.
 */
export async function erasePerson(deps: Deps, actor: OrgActor, personId: string): Promise<void> {
  const timeZone = await orgTimeZone(deps.db, actor.orgId);
  const done = await deps.db.transaction(async (tx) => {
    const [person] = await tx
      .select()
      .from(people)
      .where(and(eq(people.id, personId), eq(people.orgId, actor.orgId)))
      .for('update');
    if (!person) throw new AppError('not_found');
    const all = await tx.select().from(consents).where(eq(consents.personId, personId));
    const active = all.filter((c) => c.withdrawnOn === null);
    const on = localDay(deps.clock(), timeZone);
    for (const consent of active) {
      await markWithdrawn(deps, tx, actor, consent.id, { on, by: 'other', how: 'written', note: 'erasure' });
    }
    const effects = await applyWithdrawal(deps, tx, actor, {
      orgId: actor.orgId,
      personId,
      personName: person.displayName,
      consentId: active.length === 1 ? active[0]!.id : null,
    });
    await blockImages(deps, tx, actor.orgId, personId);
    await forgetName(tx, actor.orgId, personId, person.displayName);
    await tx.delete(consentRequests).where(eq(consentRequests.personId, personId));
    await tx.delete(consents).where(eq(consents.personId, personId));
    await tx.delete(mediaPeople).where(eq(mediaPeople.personId, personId));
    await tx.delete(postPeople).where(eq(postPeople.personId, personId));
    await tx.delete(people).where(eq(people.id, personId));
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'person.erased',
      targetType: 'person',
      targetId: personId,
    });
    return { effects, evidence: all.flatMap((c) => (c.evidenceKey ? [c.evidenceKey] : [])) };
  });
  for (const targetId of done.effects.automatic) await deps.jobs.sendTakedown(targetId);
  const store = mediaStoreOf(deps);
  for (const key of done.evidence) {
    try {
      await store.delete(key);
    } catch (error) {
      deps.log.error({ err: error, personId }, 'erasure: evidence file could not be deleted');
    }
  }
}

/** An image that showed an erased person may not be used until someone reviews it again. */
async function blockImages(deps: Deps, tx: Tx, orgId: string, personId: string): Promise<void> {
  const tagged = await tx
    .select({ mediaId: mediaPeople.mediaId })
    .from(mediaPeople)
    .where(and(eq(mediaPeople.personId, personId), eq(mediaPeople.orgId, orgId)));
  if (tagged.length === 0) return;
  const now = deps.clock();
  await tx
    .insert(mediaPeopleReviews)
    .values(
      tagged.map((t) => ({ mediaId: t.mediaId, orgId, status: 'blocked', reason: 'person erased', reviewedAt: now })),
    )
    .onConflictDoUpdate({
      target: mediaPeopleReviews.mediaId,
      set: { status: 'blocked', reason: 'person erased', reviewedBy: null, reviewedAt: now },
    });
}

/** The name copies nahbar wrote elsewhere: the takedown report, held targets' reasons, notifications. */
async function forgetName(tx: Tx, orgId: string, personId: string, name: string): Promise<void> {
  await tx
    .update(takedownTasks)
    .set({ personName: null })
    .where(and(eq(takedownTasks.personId, personId), eq(takedownTasks.orgId, orgId)));
  await tx
    .update(postTargets)
    .set({ errorMessage: sql`replace(${postTargets.errorMessage}, ${name}, ${ERASED})` })
    .where(
      and(
        eq(postTargets.orgId, orgId),
        eq(postTargets.errorKind, 'consent'),
        sql`strpos(${postTargets.errorMessage}, ${name}) > 0`,
      ),
    );
  await tx
    .update(notifications)
    .set({
      params: sql`jsonb_set(${notifications.params}, '{reason}', to_jsonb(replace(${notifications.params}->>'reason', ${name}, ${ERASED})))`,
    })
    .where(and(eq(notifications.orgId, orgId), sql`strpos(${notifications.params}->>'reason', ${name}) > 0`));
  await tx
    .update(notifications)
    .set({ params: sql`${notifications.params} || jsonb_build_object('person', ${ERASED}::text)` })
    .where(and(eq(notifications.orgId, orgId), sql`${notifications.params}->>'person' = ${name}`));
}
