import { type Language, type PublicReview, publicDecideSchema, type Role } from '@nahbar/common';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { organisations, posts, reviewLinks } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { decideReview } from './decide.ts';
import { linkByToken, linkState, publicReviewView } from './public-review.ts';

/**
 * The external reviewer's decision, through the same decide code as a member's: no account,
 * the link's name, the role "external", the version they saw. The link is locked and used up
 * inside the decision's transaction; a second use, or one after expiry or revocation, is 410.
 */
export async function decideByLink(
  deps: Deps,
  ip: string | null,
  token: string,
  raw: z.input<typeof publicDecideSchema>,
): Promise<PublicReview> {
  const input = publicDecideSchema.parse(raw);
  const { link, review } = await linkByToken(deps.db, token);
  if (linkState(link, review, deps.clock()) !== 'open') throw new AppError('review_link_invalid');
  const [post] = await deps.db.select({ version: posts.version }).from(posts).where(eq(posts.id, review.postId));
  const [org] = await deps.db
    .select({ language: organisations.language })
    .from(organisations)
    .where(eq(organisations.id, link.orgId));
  if (!post) throw new AppError('not_found');
  // The pseudo-role "external" is the reviewer's only one: canDecide lets them decide an
  // external step and nothing else (ReviewActor's roles are member roles, hence the cast).
  const external = ['external'] as unknown as Role[];
  await decideReview(
    deps,
    { userId: null, ip, orgId: link.orgId, roles: external, language: (org?.language ?? 'de') as Language },
    review.id,
    { decision: input.decision, comment: input.comment, baseVersion: post.version },
    {
      name: link.name,
      linkId: link.id,
      within: async (tx) => {
        const locked = await linkByToken(tx, token, true);
        if (linkState(locked.link, locked.review, deps.clock()) !== 'open') throw new AppError('review_link_invalid');
        await tx.update(reviewLinks).set({ usedAt: deps.clock() }).where(eq(reviewLinks.id, link.id));
        await recordAudit(
          tx,
          { userId: null, ip },
          {
            orgId: link.orgId,
            action: 'review.link_used',
            targetType: 'review',
            targetId: review.id,
            details: { linkId: link.id, decision: input.decision, reviewerName: link.name, step: link.step },
          },
        );
      },
    },
  );
  const fresh = await linkByToken(deps.db, token);
  return publicReviewView(deps, deps.db, fresh.link, fresh.review, token);
}
