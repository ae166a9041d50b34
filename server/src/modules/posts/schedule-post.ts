import type { Language, Post, When } from '@nahbar/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/open.ts';
import { channels, postMedia, posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { assertApprovedOrNotNeeded } from '../approvals/assert-approval.ts';
import { recordAudit } from '../audit/service.ts';
import { assertConsentAllows } from '../consent/assert-consent.ts';
import { dueTimes, dueTimesInTransaction } from './due.ts';
import type { OrgActor } from './org-actor.ts';
import { draftOf, loadMedia } from './post-context.ts';
import { rescheduled } from './reschedule.ts';
import { assertSchedulable } from './validate.ts';
import { getPost } from './view.ts';

/** Not at the network and not on its way: these a person may (re)schedule or take back (approved: released by a review, waiting for a time). */
export const SCHEDULABLE = ['draft', 'approved', 'scheduled', 'failed', 'held', 'cancelled'];

type PlanRow = { target: typeof postTargets.$inferSelect; channel: typeof channels.$inferSelect; field: string };

/** A post's targets with their channels, each with its field name ("targets.0") for errors. */
export async function planRows(deps: Deps, postId: string): Promise<PlanRow[]> {
  const all = await deps.db
    .select({ target: postTargets, channel: channels })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(eq(postTargets.postId, postId))
    .orderBy(asc(postTargets.createdAt));
  return all.map((row, i) => ({ ...row, field: `targets.${i}` }));
}

/**
 * Before the transaction: each target's due time, and the checks a plan that goes out must
 * pass (the networks' limits, the consent gate at that time). Drafts are not checked.
 */
export async function checkPlan(
  deps: Deps,
  orgId: string,
  post: { id: string; text: string },
  movable: PlanRow[],
  when: When,
  now: Date,
  language: Language,
): Promise<Map<string, Date | null>> {
  const decided = await dueTimes(deps.db, orgId, when, queueTargetsOf(movable), now, language);
  if (when.mode === 'draft') return decided;
  const links = await deps.db
    .select()
    .from(postMedia)
    .where(eq(postMedia.postId, post.id))
    .orderBy(asc(postMedia.position));
  assertSchedulable(
    {
      text: post.text,
      media: await loadMedia(deps.db, orgId, links, language),
      targets: movable.map((r) =>
        draftOf(deps, r.field, r.channel, r.target.text ?? post.text, r.target.contentWarning),
      ),
    },
    language,
  );
  await assertConsentAllows(
    deps,
    orgId,
    { postId: post.id },
    movable.map((r) => ({
      field: r.field,
      channelId: r.channel.id,
      dueAt: decided.get(r.channel.id) ?? null,
      text: r.target.text,
    })),
    language,
  );
  return decided;
}

/**
 * Inside the caller's transaction: the targets to their due times (the queue decided again
 * under its lock), only while still in one of `states`. The publish jobs follow the commit.
 */
export async function writePlan(
  tx: Tx,
  plan: { orgId: string; when: When; movable: PlanRow[]; states: readonly string[]; decided: Map<string, Date | null> },
  now: Date,
  language: Language,
): Promise<{ id: string; dueAt: Date | null }[]> {
  const { orgId, when, movable, decided } = plan;
  const due = await dueTimesInTransaction(tx, orgId, when, queueTargetsOf(movable), now, language, decided);
  const rows = [];
  for (const r of movable) {
    const dueAt = due.get(r.channel.id) ?? null;
    const [row] = await tx
      .update(postTargets)
      .set(rescheduled(dueAt, now))
      // The engine may have started one meanwhile: then this whole change does not happen.
      .where(and(eq(postTargets.id, r.target.id), inArray(postTargets.state, [...plan.states])))
      .returning({ id: postTargets.id, dueAt: postTargets.dueAt });
    if (!row) throw new AppError('target_state');
    rows.push(row);
  }
  return rows;
}

const queueTargetsOf = (rows: PlanRow[]) =>
  rows.map((r) => ({ field: r.field, channelId: r.channel.id, channelName: r.channel.name }));

/** The composer's "Planen": every target not yet out goes at a time, the queue, now — or back to draft. */
export async function schedulePost(deps: Deps, actor: OrgActor, postId: string, when: When): Promise<Post> {
  if (!actor.canPublish) throw new AppError('forbidden');
  const [post] = await deps.db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, actor.orgId)));
  if (!post) throw new AppError('not_found');
  const movable = (await planRows(deps, postId)).filter((row) => SCHEDULABLE.includes(row.target.state));
  if (movable.length === 0) throw new AppError('target_state');
  const now = deps.clock();
  if (when.mode !== 'draft') await assertApprovedOrNotNeeded(deps.db, actor.orgId, postId, now);
  const decided = await checkPlan(deps, actor.orgId, post, movable, when, now, actor.language);

  const updated = await deps.db.transaction(async (tx) => {
    const rows = await writePlan(
      tx,
      { orgId: actor.orgId, when, movable, states: SCHEDULABLE, decided },
      now,
      actor.language,
    );
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: when.mode === 'draft' ? 'post.unscheduled' : 'post.scheduled',
      targetType: 'post',
      targetId: postId,
      details: {
        mode: when.mode,
        targets: rows.map((row) => ({ id: row.id, dueAt: row.dueAt?.toISOString() ?? null })),
      },
    });
    return rows;
  });
  for (const row of updated) if (row.dueAt) await deps.jobs.sendPublish(row.id, row.dueAt);
  return getPost(deps.db, actor.orgId, postId);
}
