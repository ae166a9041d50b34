import { can, createReviewLinkSchema, type Language, type ReviewLink, type Role } from '@nahbar/common';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { hashToken, newToken } from '../../crypto/tokens.ts';
import type { DbOrTx } from '../../db/open.ts';
import { postReviews, posts, reviewLinks } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { Caller } from './comments.ts';

// Links for a reviewer without an account (a board member, say): one review, the step it was
// made for, expiring, single use. Only the token's hash is stored; the URL is shown once.

type LinkRow = typeof reviewLinks.$inferSelect;
type ReviewRow = typeof postReviews.$inferSelect;
export type LinkCaller = Caller & { language: Language };

export function linkView(row: LinkRow, url?: string): ReviewLink {
  return {
    id: row.id,
    reviewId: row.reviewId,
    name: row.name,
    step: row.step,
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    ...(url && { url }),
  };
}

async function reviewOf(db: DbOrTx, orgId: string, reviewId: string) {
  const [row] = await db
    .select({ review: postReviews, authorId: posts.authorId })
    .from(postReviews)
    .innerJoin(posts, eq(posts.id, postReviews.postId))
    .where(and(eq(postReviews.id, reviewId), eq(postReviews.orgId, orgId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Who hands out a link for a step: someone who could decide it by their own role (never the
 * post's author: four eyes), or whoever manages approvals.
 */
function mayManageLinks(caller: Caller, review: ReviewRow, step: number, authorId: string | null): boolean {
  if (can(caller.roles, 'approvals.manage')) return true;
  const roles = (review.steps[step]?.roles ?? []).filter((r): r is Role => r !== 'external');
  return caller.userId !== authorId && roles.some((r) => caller.roles.includes(r));
}

export async function createReviewLink(
  deps: Deps,
  caller: LinkCaller,
  orgId: string,
  reviewId: string,
  raw: z.input<typeof createReviewLinkSchema>,
): Promise<ReviewLink> {
  const input = createReviewLinkSchema.parse(raw);
  return deps.db.transaction(async (tx) => {
    const { review, authorId } = await reviewOf(tx, orgId, reviewId);
    if (review.status !== 'in_review') throw new AppError('review_not_open');
    if (!mayManageLinks(caller, review, review.currentStep, authorId)) throw new AppError('forbidden');
    if (!review.steps[review.currentStep]?.roles.includes('external')) {
      throw new AppError('input_invalid', [
        fieldError(
          'reviewId',
          'no_external_step',
          {
            de: 'Im aktuellen Schritt dieser Freigabe ist keine externe Person vorgesehen. Ein Freigabelink geht nur in einem Schritt mit „Extern“.',
            en: 'The current step of this review has no external reviewer. A review link only works in a step with “External”.',
          },
          caller.language,
        ),
      ]);
    }
    const token = newToken();
    const now = deps.clock();
    const [row] = await tx
      .insert(reviewLinks)
      .values({
        orgId,
        reviewId,
        step: review.currentStep,
        name: input.name,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
        createdBy: caller.userId,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, caller, {
      orgId,
      action: 'review.link_created',
      targetType: 'review',
      targetId: reviewId,
      details: { linkId: row!.id, step: review.currentStep },
    });
    return linkView(row!, `${deps.config.publicUrl}/freigabe/${token}`);
  });
}

export async function listReviewLinks(deps: Deps, caller: Caller, orgId: string, reviewId: string) {
  const { review, authorId } = await reviewOf(deps.db, orgId, reviewId);
  if (!mayManageLinks(caller, review, review.currentStep, authorId) && review.submittedBy !== caller.userId) {
    throw new AppError('forbidden');
  }
  const rows = await deps.db
    .select()
    .from(reviewLinks)
    .where(and(eq(reviewLinks.reviewId, reviewId), eq(reviewLinks.orgId, orgId)))
    .orderBy(desc(reviewLinks.createdAt));
  return { items: rows.map((row) => linkView(row)) };
}

export async function revokeReviewLink(deps: Deps, caller: Caller, orgId: string, linkId: string) {
  const [link] = await deps.db
    .select()
    .from(reviewLinks)
    .where(and(eq(reviewLinks.id, linkId), eq(reviewLinks.orgId, orgId)));
  if (!link) throw new AppError('not_found');
  const { review, authorId } = await reviewOf(deps.db, orgId, link.reviewId);
  if (link.createdBy !== caller.userId && !mayManageLinks(caller, review, link.step, authorId)) {
    throw new AppError('forbidden');
  }
  // Used links stay as they were: the decision they carried is on record.
  const [row] = await deps.db
    .update(reviewLinks)
    .set({ revokedAt: deps.clock() })
    .where(and(eq(reviewLinks.id, linkId), isNull(reviewLinks.revokedAt), isNull(reviewLinks.usedAt)))
    .returning();
  return linkView(row ?? link);
}
