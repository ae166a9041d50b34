import type { CalendarEntry, NetworkId, TargetState } from '@nahbar/common';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { excerptOf } from './excerpt.ts';

export type EntryFilter = {
  from: Date;
  to: Date;
  /** Only these target states; null: everything but cancelled. */
  states: TargetState[] | null;
  channelId?: string | undefined;
  tag?: string | undefined;
  authorId?: string | undefined;
};

type Row = {
  post_id: string;
  target_id: string;
  channel_id: string;
  state: string;
  moment: Date | string;
  channel_name: string;
  network: string;
  excerpt: string;
  tags: string[];
  author_id: string | null;
  author_name: string | null;
  series_id: string | null;
  series_name: string | null;
  thumb_id: string | null;
  media_count: number;
};

const MOVABLE = new Set(['draft', 'scheduled', 'failed', 'held']);

/**
 * The window's targets, each at its moment: published_at when published, due_at otherwise, and
 * a draft without due time at its post's planned_at. Three index range scans (org + published,
 * org + due, org + planned) in one statement, joined to what a calendar cell shows.
 */
export async function loadEntryRows(db: DbOrTx, orgId: string, f: EntryFilter): Promise<Row[]> {
  const filters: SQL[] = [];
  if (f.states)
    filters.push(
      sql`h.state in (${sql.join(
        f.states.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  else filters.push(sql`h.state <> 'cancelled'`);
  if (f.channelId) filters.push(sql`h.channel_id = ${f.channelId}`);
  if (f.tag) filters.push(sql`p.tags @> array[${f.tag}]::text[]`);
  if (f.authorId) filters.push(sql`p.author_id = ${f.authorId}`);
  const from = f.from.toISOString();
  const to = f.to.toISOString();
  const result = await db.execute<Row>(sql`
    with hits as (
      select pt.post_id, pt.id as target_id, pt.channel_id, pt.state, pt.published_at as moment
        from post_targets pt
        where pt.org_id = ${orgId} and pt.published_at >= ${from} and pt.published_at < ${to}
      union all
      select pt.post_id, pt.id, pt.channel_id, pt.state, pt.due_at
        from post_targets pt
        where pt.org_id = ${orgId} and pt.due_at >= ${from} and pt.due_at < ${to} and pt.published_at is null
      union all
      select pt.post_id, pt.id, pt.channel_id, pt.state, p.planned_at
        from posts p join post_targets pt on pt.post_id = p.id
        where p.org_id = ${orgId} and p.planned_at >= ${from} and p.planned_at < ${to}
          and pt.due_at is null and pt.published_at is null
    )
    select h.post_id, h.target_id, h.channel_id, h.state, h.moment,
      c.name as channel_name, c.network,
      left(p.text, 400) as excerpt, p.tags, p.author_id, u.name as author_name,
      p.series_id, s.name as series_name,
      (select pm.media_id from post_media pm join media m on m.id = pm.media_id
        where pm.post_id = p.id and m.kind = 'image' order by pm.position limit 1) as thumb_id,
      (select count(*)::int from post_media pm where pm.post_id = p.id) as media_count
    from hits h
      join posts p on p.id = h.post_id
      join channels c on c.id = h.channel_id
      left join users u on u.id = p.author_id
      left join series s on s.id = p.series_id
    where ${sql.join(filters, sql` and `)}
    order by h.moment, h.post_id, c.name`);
  return result.rows;
}

/** One entry per post and moment, its targets inside. */
export function groupEntries(orgId: string, rows: Row[]): CalendarEntry[] {
  const entries = new Map<string, CalendarEntry>();
  for (const row of rows) {
    const at = new Date(row.moment).toISOString();
    const key = `${row.post_id}@${at}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        postId: row.post_id,
        at,
        excerpt: excerptOf(row.excerpt),
        thumbUrl: row.thumb_id ? `/api/orgs/${orgId}/media/${row.thumb_id}/thumb` : null,
        mediaCount: row.media_count,
        authorId: row.author_id,
        authorName: row.author_name,
        tags: row.tags,
        seriesId: row.series_id,
        seriesName: row.series_name,
        movable: false,
        targets: [],
      };
      entries.set(key, entry);
    }
    entry.targets.push({
      targetId: row.target_id,
      channelId: row.channel_id,
      channelName: row.channel_name,
      network: row.network as NetworkId,
      state: row.state as TargetState,
    });
  }
  for (const entry of entries.values()) {
    entry.movable =
      entry.targets.some((t) => MOVABLE.has(t.state)) && !entry.targets.some((t) => t.state === 'publishing');
  }
  return [...entries.values()];
}
