import { PERMISSIONS, type Role } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { posts } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';

// Who may look at a post's review material (comments, diff, timeline): everybody with
// posts.review — but someone who holds it only as a contributor sees their own posts only.
// Another's post answers 404 to them, like a foreign organisation's: it reveals nothing.

export type PostRow = typeof posts.$inferSelect;

export function reviewsOwnPostsOnly(roles: readonly Role[]): boolean {
  const granting: readonly Role[] = PERMISSIONS['posts.review'];
  return !roles.some((r) => r !== 'contributor' && granting.includes(r));
}

/** The post of this organisation the caller may review, or 404. */
export async function reviewablePost(
  db: DbOrTx,
  orgId: string,
  postId: string,
  caller: { userId: string; roles: readonly Role[] },
): Promise<PostRow> {
  const [post] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, orgId)));
  if (!post) throw new AppError('not_found');
  if (reviewsOwnPostsOnly(caller.roles) && post.authorId !== caller.userId) throw new AppError('not_found');
  return post;
}
