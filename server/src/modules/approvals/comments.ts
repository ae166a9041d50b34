import type { PostComment, Role } from '@nahbar/common';
import { createPostCommentSchema } from '@nahbar/common';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { channels, postComments, postTargets, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { reviewablePost } from './comments-access.ts';

// Inline comments on a post's base text or one channel's variant. Each remembers the post
// version it was written on, so the composer can tell a comment on an older wording.

export type Caller = Actor & { userId: string; roles: Role[] };
type CommentRow = typeof postComments.$inferSelect;

function view(row: CommentRow, authorName: string | null): PostComment {
  return {
    id: row.id,
    postId: row.postId,
    channelId: row.channelId,
    quote: row.quote,
    body: row.body,
    authorName,
    authorId: row.authorId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

export async function listComments(deps: Deps, caller: Caller, orgId: string, postId: string) {
  await reviewablePost(deps.db, orgId, postId, caller);
  const rows = await deps.db
    .select({ row: postComments, name: users.name })
    .from(postComments)
    .leftJoin(users, eq(users.id, postComments.authorId))
    .where(and(eq(postComments.postId, postId), eq(postComments.orgId, orgId)))
    .orderBy(asc(postComments.createdAt), asc(postComments.id));
  return { items: rows.map(({ row, name }) => view(row, name)) };
}

export async function addComment(
  deps: Deps,
  caller: Caller,
  orgId: string,
  postId: string,
  raw: z.input<typeof createPostCommentSchema>,
): Promise<PostComment> {
  const input = createPostCommentSchema.parse(raw);
  return deps.db.transaction(async (tx) => {
    const post = await reviewablePost(tx, orgId, postId, caller);
    if (input.channelId) {
      // A variant comment names one of this post's channels (another's id: 404).
      const [target] = await tx
        .select({ id: postTargets.id })
        .from(postTargets)
        .innerJoin(channels, eq(channels.id, postTargets.channelId))
        .where(
          and(eq(postTargets.postId, postId), eq(postTargets.channelId, input.channelId), eq(channels.orgId, orgId)),
        );
      if (!target) throw new AppError('not_found');
    }
    const [row] = await tx
      .insert(postComments)
      .values({
        orgId,
        postId,
        channelId: input.channelId,
        quote: input.quote,
        body: input.body,
        authorId: caller.userId,
        version: post.version,
        createdAt: deps.clock(),
      })
      .returning();
    await recordAudit(tx, caller, {
      orgId,
      action: 'post.comment_added',
      targetType: 'post',
      targetId: postId,
      details: { commentId: row!.id, version: post.version },
    });
    const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, caller.userId));
    return view(row!, author?.name ?? null);
  });
}

/** Marks a comment done; resolving twice keeps the first time. */
export async function resolveComment(deps: Deps, caller: Caller, orgId: string, commentId: string) {
  const [found] = await deps.db
    .select()
    .from(postComments)
    .where(and(eq(postComments.id, commentId), eq(postComments.orgId, orgId)));
  if (!found) throw new AppError('not_found');
  await reviewablePost(deps.db, orgId, found.postId, caller);
  await deps.db
    .update(postComments)
    .set({ resolvedAt: deps.clock(), resolvedBy: caller.userId })
    .where(and(eq(postComments.id, commentId), isNull(postComments.resolvedAt)));
  const [row] = await deps.db
    .select({ row: postComments, name: users.name })
    .from(postComments)
    .leftJoin(users, eq(users.id, postComments.authorId))
    .where(eq(postComments.id, commentId));
  return view(row!.row, row!.name);
}
