import {
  type Language,
  type Review,
  type Role,
  type SubmitForReviewInput,
  submitForReviewSchema,
} from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import { postComments, posts } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { deliverNotified } from '../notifications/notify.ts';
import { checkPlan, planRows } from '../posts/schedule-post.ts';
import { FALLBACK_STEP, isContributorOnly, notifyStepDeciders, openReview, policyForPost } from './review-lifecycle.ts';
import { reviewView } from './review-view.ts';

export type ReviewActor = Actor & { orgId: string; roles: Role[]; language: Language };

/** Not out and not on their way: these a new round holds back. */
const REVIEWABLE = ['draft', 'failed', 'held', 'cancelled', 'scheduled', 'approved', 'in_review'];

/**
 * "Zur Freigabe": a new round of review for the post under the policy it needs now, with the
 * plan to carry out once approved. A plan that goes out must already pass the consent gate.
 */
export async function submitForReview(
  deps: Deps,
  actor: ReviewActor,
  postId: string,
  raw: SubmitForReviewInput,
): Promise<Review> {
  const input = submitForReviewSchema.parse(raw);
  const [post] = await deps.db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, actor.orgId)));
  if (!post) throw new AppError('not_found');
  // Contributors suggest their own posts; they do not send others' posts around.
  if (isContributorOnly(actor.roles) && post.authorId !== actor.userId) throw new AppError('forbidden');
  const movable = (await planRows(deps, postId)).filter((r) => REVIEWABLE.includes(r.target.state));
  if (movable.length === 0) throw new AppError('target_state');
  const now = deps.clock();
  await checkPlan(deps, actor.orgId, post, movable, input.when, now, actor.language);
  const choice = await policyForPost(deps.db, actor.orgId, postId, now);
  // Nothing requires a review: whoever asks for one still gets the Redaktion's eyes.
  const policy = choice.policy ?? {
    id: null,
    name: FALLBACK_STEP.name,
    steps: [FALLBACK_STEP],
    minorEditsKeepApproval: false,
  };

  const { review, notified } = await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select({ version: posts.version }).from(posts).where(eq(posts.id, postId)).for('update');
    const review = await openReview(tx, {
      orgId: actor.orgId,
      postId,
      policy,
      when: input.when,
      submittedBy: actor.userId,
      version: locked!.version,
      now,
    });
    if (input.comment) {
      await tx.insert(postComments).values({
        orgId: actor.orgId,
        postId,
        body: input.comment,
        authorId: actor.userId,
        version: locked!.version,
        createdAt: now,
      });
    }
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'review.submitted',
      targetType: 'post',
      targetId: postId,
      details: { reviewId: review.id, policyId: policy.id, matched: choice.matched, mode: input.when.mode },
    });
    return { review, notified: await notifyStepDeciders(deps, tx, review, 0) };
  });
  await deliverNotified(deps, notified);
  return reviewView(deps.db, review, { userId: actor.userId, roles: actor.roles });
}
