import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { posts } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { latestReview, policyForPost } from './review-lifecycle.ts';

/**
 * Scheduling's question to the approval workflow: may this post go out? Yes when no policy
 * applies to it, or when its newest round is approved for exactly the current version.
 * Otherwise 409 approval_required (details: the policy it needs).
 */
export async function assertApprovedOrNotNeeded(
  db: DbOrTx,
  orgId: string,
  postId: string,
  at: Date = new Date(),
): Promise<void> {
  const [post] = await db
    .select({ version: posts.version })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, orgId)));
  if (!post) throw new AppError('not_found');
  const review = await latestReview(db, orgId, postId);
  if (review?.status === 'approved' && review.approvedVersion === post.version) return;
  const { policy, matched } = await policyForPost(db, orgId, postId, at);
  if (!policy) return;
  throw new AppError('approval_required', { policy: { id: policy.id, name: policy.name }, matched });
}
