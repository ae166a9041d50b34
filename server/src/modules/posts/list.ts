import type { Language, Post, TargetState } from '@nahbar/common';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { posts, postTargets } from '../../db/schema/index.ts';
import { cursorTime, encodeCursor, olderThan } from '../../http/keyset-cursor.ts';
import { loadPosts } from './view.ts';

export type PostFilter = {
  limit: number;
  cursor?: string | undefined;
  tag?: string | undefined;
  authorId?: string | undefined;
  /** Posts with at least one target in this state. */
  state?: TargetState | undefined;
  /** Text contains, case-insensitive (the base text or a channel's variant). */
  q?: string | undefined;
};

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of posts, newest first, and the cursor of the next page (null on the last). */
export async function listPosts(
  db: DbOrTx,
  orgId: string,
  filter: PostFilter,
  language: Language,
): Promise<{ posts: Post[]; nextCursor: string | null }> {
  const conditions: SQL[] = [eq(posts.orgId, orgId)];
  if (filter.cursor) {
    conditions.push(olderThan(posts.createdAt, posts.id, filter.cursor, language));
  }
  if (filter.tag) conditions.push(sql`${posts.tags} @> array[${filter.tag}]::text[]`);
  if (filter.authorId) conditions.push(eq(posts.authorId, filter.authorId));
  if (filter.state) {
    conditions.push(
      sql`exists (select 1 from ${postTargets} where ${postTargets.postId} = ${posts.id} and ${postTargets.state} = ${filter.state})`,
    );
  }
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      sql`(${posts.text} ilike ${pattern} or exists (select 1 from ${postTargets} where ${postTargets.postId} = ${posts.id} and ${postTargets.text} ilike ${pattern}))`,
    );
  }
  const rows = await db
    .select({ id: posts.id, at: cursorTime(posts.createdAt) })
    .from(posts)
    .where(and(...conditions))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    posts: page.length ? await loadPosts(db, orgId, { ids: page.map((r) => r.id) }) : [],
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null,
  };
}
