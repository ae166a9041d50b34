import type { Language, Post, TargetState } from '@nahbar/common';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { posts, postTargets } from '../../db/schema/index.ts';
import { AppError, fieldError } from '../../http/errors.ts';
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

// The cursor is the last row's (created_at, id): stable while new posts arrive on top. The time
// travels as PostgreSQL's own text, keeping the microseconds a JS Date would drop.
function encodeCursor(row: { at: string; id: string }): string {
  return Buffer.from(`${row.at}|${row.id}`).toString('base64url');
}

const PG_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

function decodeCursor(cursor: string, language: Language): { at: string; id: string } {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!PG_TIME.test(at) || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw new AppError('validation_failed', [
      fieldError('cursor', 'invalid', { de: 'Ungültige Seitenmarke.', en: 'Invalid cursor.' }, language),
    ]);
  }
  return { at, id };
}

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
    const c = decodeCursor(filter.cursor, language);
    conditions.push(sql`(${posts.createdAt}, ${posts.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`);
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
    .select({ id: posts.id, at: sql<string>`${posts.createdAt}::text` })
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
