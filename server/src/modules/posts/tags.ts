import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';

/** "Sommerfest" and "sommerfest " are one campaign: the first spelling wins. */
export function normalizeTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLocaleLowerCase('de'))) seen.set(tag.toLocaleLowerCase('de'), tag);
  }
  return [...seen.values()];
}

/** The organisation's campaign tags, most used first: autocomplete and the calendar filter. */
export async function listTags(db: DbOrTx, orgId: string): Promise<{ tag: string; count: number }[]> {
  const result = await db.execute<{ tag: string; count: number }>(sql`
    select tag, count(*)::int as count
    from posts, unnest(posts.tags) as tag
    where posts.org_id = ${orgId}
    group by tag
    order by count desc, lower(tag) asc
    limit 500`);
  return result.rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}
