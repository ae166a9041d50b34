import type { DecisionKind, PublicReview } from '@nahbar/common';
import { and, asc, eq } from 'drizzle-orm';
import { hashToken } from '../../crypto/tokens.ts';
import type { DbOrTx } from '../../db/open.ts';
import {
  channels,
  media,
  organisations,
  postMedia,
  postReviews,
  posts,
  postTargets,
  reviewDecisions,
  reviewLinks,
} from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { loadPicture, type Picture } from '../consent-links/picture.ts';

// What the reviewer behind a link sees, without an account. The token is looked up by its hash
// only: unknown is 404, a link that can no longer be used is 410 on use. A link belongs to one
// round and one step: once the review moved on (decided, restarted after an edit), it expired.

export type LinkRow = typeof reviewLinks.$inferSelect;
export type ReviewRow = typeof postReviews.$inferSelect;
type State = PublicReview['state'];

export async function linkByToken(db: DbOrTx, token: string, lock = false) {
  const query = db
    .select({ link: reviewLinks, review: postReviews })
    .from(reviewLinks)
    .innerJoin(postReviews, eq(postReviews.id, reviewLinks.reviewId))
    .where(eq(reviewLinks.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update', { of: reviewLinks }) : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

export function linkState(link: LinkRow, review: ReviewRow, now: Date): State {
  if (link.usedAt) return 'decided';
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (review.status !== 'in_review' || review.currentStep !== link.step) return 'expired';
  return 'open';
}

export function publicMediaPath(token: string, index: number): string {
  return `/api/public/reviews/${encodeURIComponent(token)}/media/${index}`;
}

/** The images of the post in its order (videos are not shown through a link). */
async function images(db: DbOrTx, postId: string) {
  return db
    .select({ mediaId: postMedia.mediaId, alt: postMedia.alt, position: postMedia.position })
    .from(postMedia)
    .innerJoin(media, eq(media.id, postMedia.mediaId))
    .where(and(eq(postMedia.postId, postId), eq(media.kind, 'image')))
    .orderBy(asc(postMedia.position));
}

export async function publicReviewView(
  deps: Deps,
  db: DbOrTx,
  link: LinkRow,
  review: ReviewRow,
  token: string,
): Promise<PublicReview> {
  const state = linkState(link, review, deps.clock());
  const [org] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, link.orgId));
  const [decided] = await db
    .select({ decision: reviewDecisions.decision })
    .from(reviewDecisions)
    .where(eq(reviewDecisions.linkId, link.id));
  const base = {
    organisationName: org?.name ?? '',
    reviewerName: link.name,
    stepName: review.steps[link.step]?.name ?? '',
    state,
    decision: (decided?.decision as DecisionKind | undefined) ?? null,
  };
  // A link that can no longer be used shows no more than whose it was.
  if (state !== 'open') return { ...base, post: { text: '', variants: [], media: [], dueAt: null } };
  const [post] = await db.select().from(posts).where(eq(posts.id, review.postId));
  const targets = await db
    .select({ target: postTargets, name: channels.name, network: channels.network })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(eq(postTargets.postId, review.postId))
    .orderBy(asc(postTargets.createdAt), asc(channels.name));
  const pictures = await images(db, review.postId);
  const when = review.when;
  const dues = targets.flatMap((t) => (t.target.dueAt ? [t.target.dueAt.getTime()] : []));
  const dueAt = when?.mode === 'at' ? when.at : dues.length ? new Date(Math.min(...dues)).toISOString() : null;
  return {
    ...base,
    post: {
      text: post?.text ?? '',
      variants: targets.map((t) => ({
        channelName: t.name,
        network: t.network,
        text: (t.target.contentWarning ? `${t.target.contentWarning}\n\n` : '') + (t.target.text ?? post?.text ?? ''),
      })),
      media: pictures.map((p, i) => ({ url: publicMediaPath(token, i), alt: p.alt })),
      dueAt,
    },
  };
}

export async function publicReview(deps: Deps, token: string): Promise<PublicReview> {
  const { link, review } = await linkByToken(deps.db, token);
  return publicReviewView(deps, deps.db, link, review, token);
}

/** One image of the post, re-encoded small, only while the link is open. */
export async function publicReviewImage(deps: Deps, token: string, index: number): Promise<Picture> {
  const { link, review } = await linkByToken(deps.db, token);
  if (linkState(link, review, deps.clock()) !== 'open') throw new AppError('review_link_invalid');
  const picture = (await images(deps.db, review.postId))[index];
  if (!picture) throw new AppError('not_found');
  return loadPicture(deps, link.orgId, picture.mediaId);
}
