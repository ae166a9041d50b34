import { isStepOverdue } from '@nahbar/common';
import { and, eq, isNull } from 'drizzle-orm';
import { postReviews, posts } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { deliverNotified, type Notified, notify } from '../modules/notifications/notify.ts';
import { excerpt } from '../modules/notifications/publish-failed.ts';
import { orgMembersWithRoles } from '../modules/notifications/recipients.ts';

/**
 * Every minute: reviews whose current step waited past its deadline are escalated to the
 * organisation's owners and admins, once per step (escalatedAt; a step that advances clears
 * it). The deadline itself is the pure rule in common/rules/approval.ts.
 */
export async function escalateOverdueReviews(deps: Deps): Promise<{ escalated: number }> {
  const now = deps.clock();
  const open = await deps.db
    .select({ review: postReviews, text: posts.text })
    .from(postReviews)
    .innerJoin(posts, eq(posts.id, postReviews.postId))
    .where(and(eq(postReviews.status, 'in_review'), isNull(postReviews.escalatedAt), isNull(postReviews.closedAt)));
  let escalated = 0;
  for (const { review, text } of open) {
    const step = review.steps[review.currentStep];
    if (!isStepOverdue(step, review.stepStartedAt, now)) continue;
    const notified = await deps.db.transaction(async (tx): Promise<Notified | null> => {
      // Whoever marks it first tells the admins: a second worker's run finds it taken.
      const [claimed] = await tx
        .update(postReviews)
        .set({ escalatedAt: now })
        .where(
          and(
            eq(postReviews.id, review.id),
            eq(postReviews.status, 'in_review'),
            eq(postReviews.currentStep, review.currentStep),
            isNull(postReviews.escalatedAt),
          ),
        )
        .returning({ id: postReviews.id });
      if (!claimed) return null;
      await recordAudit(
        tx,
        { userId: null, ip: null },
        {
          orgId: review.orgId,
          action: 'review.escalated',
          targetType: 'review',
          targetId: review.id,
          details: { postId: review.postId, step: review.currentStep },
        },
      );
      return notify(
        deps,
        {
          orgId: review.orgId,
          userIds: await orgMembersWithRoles(tx, review.orgId, ['owner', 'admin']),
          type: 'review_overdue',
          params: { post: excerpt(text), step: step?.name ?? '' },
          link: `/beitraege/${review.postId}`,
        },
        tx,
      );
    });
    if (!notified) continue;
    escalated += 1;
    await deliverNotified(deps, notified);
  }
  return { escalated };
}
