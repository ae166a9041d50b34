import { canDecide, type Decision, type Review, type Role, type StepRole, stepDeadline } from '@nahbar/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { type postReviews, posts, reviewDecisions, users } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { latestReview } from './review-lifecycle.ts';

type ReviewRow = typeof postReviews.$inferSelect;
export type DecisionRow = typeof reviewDecisions.$inferSelect;

/** Who looks at a review: their roles decide `you`. */
export type Viewer = { userId: string | null; roles: readonly Role[] };

export const asDecision = (d: DecisionRow): Decision => ({
  step: d.step,
  userId: d.userId,
  role: d.role as StepRole | null,
  decision: d.decision as Decision['decision'],
});

export async function loadDecisions(db: DbOrTx, reviewIds: readonly string[]): Promise<DecisionRow[]> {
  if (reviewIds.length === 0) return [];
  return db
    .select()
    .from(reviewDecisions)
    .where(inArray(reviewDecisions.reviewId, [...reviewIds]))
    .orderBy(asc(reviewDecisions.createdAt));
}

/** Pure: a review row, its decisions and the post's author as the API shows them to `viewer`. */
export function toReview(
  row: ReviewRow,
  decisions: readonly DecisionRow[],
  authorId: string | null,
  submittedByName: string | null,
  viewer: Viewer,
): Review {
  const own = decisions.filter((d) => d.reviewId === row.id);
  const check = canDecide({
    status: row.status as Review['status'],
    steps: row.steps,
    currentStep: row.currentStep,
    decisions: own.map(asDecision),
    authorId,
    decider: { userId: viewer.userId, roles: viewer.roles },
  });
  const deadline = row.status === 'in_review' ? stepDeadline(row.steps[row.currentStep], row.stepStartedAt) : null;
  return {
    id: row.id,
    postId: row.postId,
    policyId: row.policyId,
    policyName: row.policyName,
    steps: row.steps,
    status: row.status as Review['status'],
    currentStep: row.currentStep,
    submittedById: row.submittedBy,
    submittedByName,
    submittedAt: row.submittedAt.toISOString(),
    submittedVersion: row.submittedVersion,
    approvedVersion: row.approvedVersion,
    stepStartedAt: row.stepStartedAt.toISOString(),
    deadlineAt: deadline?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    when: row.when ?? null,
    decisions: own.map((d) => ({
      id: d.id,
      step: d.step,
      userId: d.userId,
      name: d.name,
      role: d.role as StepRole | null,
      decision: d.decision as Review['decisions'][number]['decision'],
      comment: d.comment,
      version: d.version,
      at: d.createdAt.toISOString(),
    })),
    you: check.ok
      ? { canDecide: true, refusal: null, role: check.role }
      : { canDecide: false, refusal: check.refusal, role: null },
  };
}

/** One review as the API shows it, loading its decisions, author and submitter. */
export async function reviewView(db: DbOrTx, row: ReviewRow, viewer: Viewer): Promise<Review> {
  const decisions = await loadDecisions(db, [row.id]);
  const [post] = await db.select({ authorId: posts.authorId }).from(posts).where(eq(posts.id, row.postId));
  const [submitter] = row.submittedBy
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.submittedBy))
    : [];
  return toReview(row, decisions, post?.authorId ?? null, submitter?.name ?? null, viewer);
}

/** GET /posts/:postId/review: the newest round, null before the first submission; a foreign post is 404. */
export async function postReview(db: DbOrTx, orgId: string, postId: string, viewer: Viewer): Promise<Review | null> {
  const [post] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, orgId)));
  if (!post) throw new AppError('not_found');
  const row = await latestReview(db, orgId, postId);
  return row ? reviewView(db, row, viewer) : null;
}
