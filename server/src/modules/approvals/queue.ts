import { isStepOverdue, type ReviewQueue } from '@nahbar/common';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { channels, postReviews, posts, postTargets, users } from '../../db/schema/index.ts';
import { excerptOf } from '../calendar/excerpt.ts';
import { postsShowingMinors } from '../consent/gate-context.ts';
import { loadDecisions, toReview, type Viewer } from './review-view.ts';

/** Open reviews in which the viewer may decide the current step now, oldest first. */
async function awaiting(db: Db, orgId: string, viewer: Viewer) {
  const open = await db
    .select({ review: postReviews, authorId: posts.authorId, text: posts.text, submitter: users.name })
    .from(postReviews)
    .innerJoin(posts, eq(posts.id, postReviews.postId))
    .leftJoin(users, eq(users.id, postReviews.submittedBy))
    .where(and(eq(postReviews.orgId, orgId), eq(postReviews.status, 'in_review'), isNull(postReviews.closedAt)))
    .orderBy(asc(postReviews.stepStartedAt));
  const decisions = await loadDecisions(
    db,
    open.map((o) => o.review.id),
  );
  return open
    .map((o) => ({ ...o, view: toReview(o.review, decisions, o.authorId, o.submitter, viewer) }))
    .filter((o) => o.view.you.canDecide);
}

export async function reviewQueue(db: Db, orgId: string, viewer: Viewer, now: Date): Promise<ReviewQueue> {
  const items = await awaiting(db, orgId, viewer);
  const postIds = items.map((i) => i.review.postId);
  const targets = postIds.length
    ? await db
        .select({ postId: postTargets.postId, dueAt: postTargets.dueAt, name: channels.name })
        .from(postTargets)
        .innerJoin(channels, eq(channels.id, postTargets.channelId))
        .where(inArray(postTargets.postId, postIds))
        .orderBy(asc(postTargets.createdAt))
    : [];
  const authorIds = [...new Set(items.map((i) => i.authorId).filter((id): id is string => id !== null))];
  const authors = authorIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds))
    : [];
  const minors = await postsShowingMinors(db, orgId, postIds, now);
  const result: ReviewQueue['items'] = [];
  for (const item of items) {
    const own = targets.filter((t) => t.postId === item.review.postId);
    const when = item.review.when;
    const planned = when?.mode === 'at' ? when.at : null;
    result.push({
      review: item.view,
      post: {
        id: item.review.postId,
        excerpt: excerptOf(item.text),
        authorName: authors.find((a) => a.id === item.authorId)?.name ?? null,
        channelNames: own.map((t) => t.name),
        dueAt: planned ?? own.find((t) => t.dueAt)?.dueAt?.toISOString() ?? null,
        showsMinor: minors.has(item.review.postId),
      },
    });
  }
  return { items: result };
}

/** The navigation's badge: what waits for the viewer, and how much of it is past its deadline. */
export async function reviewCounts(db: Db, orgId: string, viewer: Viewer, now: Date) {
  const items = await awaiting(db, orgId, viewer);
  const overdue = items.filter((i) =>
    isStepOverdue(i.review.steps[i.review.currentStep], i.review.stepStartedAt, now),
  ).length;
  return { awaitingMe: items.length, overdue };
}
