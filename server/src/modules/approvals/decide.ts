import { afterDecision, canDecide, type DecideInput, decideSchema, type Review, type When } from '@nahbar/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/open.ts';
import { postReviews, posts, postTargets, reviewDecisions, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { deliverNotified, type Notified, notify } from '../notifications/notify.ts';
import { excerpt } from '../notifications/publish-failed.ts';
import { checkPlan, planRows, writePlan } from '../posts/schedule-post.ts';
import { notifyStepDeciders, type ReviewRow } from './review-lifecycle.ts';
import { asDecision, loadDecisions, reviewView } from './review-view.ts';
import type { ReviewActor } from './submit.ts';

/** An 'at' that passed while the post waited for approval: it goes now. */
function planNow(when: When | null, now: Date): When {
  if (!when) return { mode: 'draft' };
  if (when.mode === 'at' && new Date(when.at).getTime() <= now.getTime()) return { mode: 'now' };
  return when;
}

/**
 * One decision on the current step, and everything it sets off, in one transaction: the review
 * row is locked, so two approvers deciding at once cannot both complete it. The final approval
 * passes the consent gate at the planned time and carries out the plan; the publish jobs and
 * e-mails follow the commit.
 */
export async function decideReview(
  deps: Deps,
  actor: ReviewActor,
  reviewId: string,
  raw: DecideInput,
  external?: ExternalDecider,
): Promise<Review> {
  const input = decideSchema.parse(raw);
  const now = deps.clock();
  const outcome = await deps.db.transaction(async (tx) => {
    await external?.within(tx);
    const [review] = await tx
      .select()
      .from(postReviews)
      .where(and(eq(postReviews.id, reviewId), eq(postReviews.orgId, actor.orgId)))
      .for('update');
    if (!review) throw new AppError('not_found');
    const [post] = await tx
      .select({ id: posts.id, text: posts.text, version: posts.version, authorId: posts.authorId })
      .from(posts)
      .where(eq(posts.id, review.postId));
    if (!post) throw new AppError('not_found');
    if (review.status !== 'in_review') throw new AppError('review_not_open');
    if (input.baseVersion !== post.version) throw new AppError('review_version_stale', { version: post.version });
    const decisions = (await loadDecisions(tx, [review.id])).map(asDecision);
    const check = canDecide({
      status: 'in_review',
      steps: review.steps,
      currentStep: review.currentStep,
      decisions,
      authorId: post.authorId,
      decider: { userId: actor.userId, roles: actor.roles },
    });
    if (!check.ok) throw new AppError('review_refused', { refusal: check.refusal });
    const decision = { step: review.currentStep, userId: actor.userId, role: check.role, decision: input.decision };
    const next = afterDecision(
      review.steps,
      { status: 'in_review', currentStep: review.currentStep },
      decisions,
      decision,
    );
    const [me] = actor.userId
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId))
      : [];
    const reviewer = external?.name ?? me?.name ?? '';

    const jobs = next.status === 'approved' ? await carryOut(deps, tx, actor, review, post, now) : [];
    await tx.insert(reviewDecisions).values({
      orgId: actor.orgId,
      reviewId: review.id,
      ...decision,
      name: reviewer,
      comment: input.comment,
      version: post.version,
      linkId: external?.linkId ?? null,
      createdAt: now,
    });
    const closes = next.status === 'changes_requested' || next.status === 'rejected';
    const [updated] = await tx
      .update(postReviews)
      .set({
        status: next.status,
        currentStep: next.currentStep,
        ...(next.stepAdvanced && { stepStartedAt: now, escalatedAt: null }),
        ...(next.status === 'approved' && { approvedVersion: post.version }),
        ...(closes && { closedAt: now }),
      })
      .where(eq(postReviews.id, review.id))
      .returning();
    if (closes) {
      await tx
        .update(postTargets)
        .set({ state: 'draft', dueAt: null, updatedAt: now })
        .where(and(eq(postTargets.postId, post.id), inArray(postTargets.state, ['in_review', 'approved'])));
    }
    const action =
      next.status === 'approved'
        ? 'review.completed'
        : next.status === 'in_review'
          ? 'review.approved'
          : `review.${next.status}`;
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action,
      targetType: 'post',
      targetId: post.id,
      details: {
        reviewId: review.id,
        step: review.currentStep,
        stepName: review.steps[review.currentStep]?.name ?? null,
        role: check.role,
      },
    });
    const notified = await tell(deps, tx, updated!, post, reviewer, input.comment, next.stepAdvanced);
    return { review: updated!, jobs, notified };
  });
  await deliverNotified(deps, outcome.notified);
  for (const job of outcome.jobs) if (job.dueAt) await deps.jobs.sendPublish(job.id, job.dueAt);
  return reviewView(deps.db, outcome.review, { userId: actor.userId, roles: actor.roles });
}

/** The plan chosen at submission: scheduled through the composer's own code, or released as 'approved'. */
async function carryOut(
  deps: Deps,
  tx: Tx,
  actor: ReviewActor,
  review: ReviewRow,
  post: { id: string; text: string },
  now: Date,
): Promise<{ id: string; dueAt: Date | null }[]> {
  const when = planNow(review.when, now);
  const movable = (await planRows(deps, post.id)).filter((r) => r.target.state === 'in_review');
  if (movable.length === 0) return [];
  if (when.mode === 'draft') {
    await tx
      .update(postTargets)
      .set({ state: 'approved', updatedAt: now })
      .where(
        inArray(
          postTargets.id,
          movable.map((r) => r.target.id),
        ),
      );
    return [];
  }
  const decided = await checkPlan(deps, actor.orgId, post, movable, when, now, actor.language);
  return writePlan(tx, { orgId: actor.orgId, when, movable, states: ['in_review'], decided }, now, actor.language);
}

/** Who hears of it: the next step's deciders, or the author and whoever submitted. */
async function tell(
  deps: Deps,
  tx: Tx,
  review: ReviewRow,
  post: { id: string; text: string; authorId: string | null },
  reviewer: string,
  comment: string | null,
  stepAdvanced: boolean,
): Promise<Notified> {
  if (review.status === 'in_review') {
    return stepAdvanced ? notifyStepDeciders(deps, tx, review, review.currentStep) : { ids: [], immediate: [] };
  }
  const userIds = [post.authorId, review.submittedBy].filter((id): id is string => id !== null);
  const approved = review.status === 'approved';
  return notify(
    deps,
    {
      orgId: review.orgId,
      userIds,
      type: approved ? 'approved' : review.status === 'rejected' ? 'rejected' : 'changes_requested',
      params: approved
        ? { reviewer, post: excerpt(post.text) }
        : { reviewer, post: excerpt(post.text), comment: comment ?? '' },
      link: `/beitraege/${post.id}`,
    },
    tx,
  );
}

/**
 * A reviewer without an account, by link (review-links): decides as the pseudo-role "external"
 * under the link's name. `within` runs first in the decision's transaction — it locks the link
 * and uses it up — so a link decides once, and a refused decision leaves it unused.
 */
export type ExternalDecider = { name: string; linkId: string; within: (tx: Tx) => Promise<void> };
