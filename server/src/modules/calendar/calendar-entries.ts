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

/** [postId, targetId, channelId, state, moment (epoch ms: cheaper than text)] */
type Hit = [string, string, string, string, number];
/** [channelId, name, network]: a handful per organisation, named once instead of per target. */
type ChannelPart = [string, string, string];
/** [postId, text (start), tags, authorId, authorName, seriesId, seriesName, thumbId, mediaCount] */
type PostPart = [
  string,
  string,
  string[],
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
];

/** Enough of a post's text for a 120-character excerpt, even with some line breaks in it. */
const TEXT_READ = 240;

const MOVABLE = new Set(['draft', 'scheduled', 'failed', 'held']);

/**
 * The window's targets, each at its moment: published_at when published, due_at otherwise, and
 * a draft without due time at its post's planned_at. Three index range scans (org + published,
 * org + due, org + planned) in one statement; what a cell shows of a post is read once per post,
 * not per target, and both come back as two JSON arrays (one row, little to transfer).
 */
export async function loadEntries(db: DbOrTx, orgId: string, f: EntryFilter): Promise<CalendarEntry[]> {
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
  const byPost = f.tag || f.authorId ? sql`join posts p on p.id = h.post_id` : sql``;
  const from = f.from.toISOString();
  const to = f.to.toISOString();
  const result = await db.execute<{ hits: Hit[]; posts: PostPart[]; channels: ChannelPart[] }>(sql`
    with hits as materialized (
      select pt.post_id, pt.id as target_id, pt.channel_id, pt.state, pt.published_at as moment
        from post_targets pt
        where pt.org_id = ${orgId} and pt.published_at >= ${from} and pt.published_at < ${to}
      union all
      select pt.post_id, pt.id, pt.channel_id, pt.state, pt.due_at
        from post_targets pt
        where pt.org_id = ${orgId} and pt.due_at >= ${from} and pt.due_at < ${to} and pt.published_at is null
      union all
      select p.id, pt.id, pt.channel_id, pt.state, p.planned_at
        from posts p cross join lateral (
          select pt.id, pt.channel_id, pt.state from post_targets pt
          where pt.post_id = p.id and pt.org_id = ${orgId} and pt.due_at is null and pt.published_at is null
        ) pt
        where p.org_id = ${orgId} and p.planned_at >= ${from} and p.planned_at < ${to}
    ),
    shown as materialized (
      select h.* from hits h ${byPost} where ${sql.join(filters, sql` and `)}
    )
    select
      coalesce((select json_agg(json_build_array(h.post_id, h.target_id, h.channel_id, h.state,
          (extract(epoch from h.moment) * 1000)::bigint)
        order by h.moment, h.post_id, c.name)
        from shown h join channels c on c.id = h.channel_id), '[]') as hits,
      coalesce((select json_agg(json_build_array(c.id, c.name, c.network)) from channels c
        where c.org_id = ${orgId}), '[]') as channels,
      coalesce((select json_agg(json_build_array(p.id, left(p.text, ${TEXT_READ + 1}), p.tags, p.author_id, u.name, p.series_id, s.name,
          pm.thumb_id, coalesce(pm.n, 0)))
        from posts p left join users u on u.id = p.author_id left join series s on s.id = p.series_id
          -- Most posts have no media: one grouped pass over the window's attachments instead of
          -- an aggregate per post.
          left join (
            select pm.post_id, (array_agg(pm.media_id order by pm.position) filter (where m.kind = 'image'))[1] as thumb_id,
              count(*) as n
            from post_media pm join media m on m.id = pm.media_id
            where pm.post_id = any(array(select distinct post_id from shown))
            group by pm.post_id
          ) pm on pm.post_id = p.id
        -- = any(array(…)): one primary-key lookup per post (a CTE's size is unknown to the planner).
        where p.org_id = ${orgId} and p.id = any(array(select distinct post_id from shown))), '[]') as posts`);
  const row = result.rows[0];
  return row ? groupEntries(orgId, row.hits, row.posts, row.channels) : [];
}

/** One entry per post and moment, its targets inside. */
function groupEntries(orgId: string, hits: Hit[], postParts: PostPart[], channelParts: ChannelPart[]): CalendarEntry[] {
  const channels = new Map(channelParts.map((c) => [c[0], c]));
  const posts = new Map(postParts.map((p) => [p[0], p]));
  const entries = new Map<string, CalendarEntry>();
  for (const [postId, targetId, channelId, state, moment] of hits) {
    const [, channelName = '', network = 'feed'] = channels.get(channelId) ?? [];
    const key = `${postId}@${moment}`;
    let entry = entries.get(key);
    if (!entry) {
      const at = new Date(moment).toISOString();
      const [, text, tags, authorId, authorName, seriesId, seriesName, thumbId, mediaCount] = posts.get(postId) ?? [];
      entry = {
        postId,
        at,
        excerpt:
          text && text.length > TEXT_READ
            ? excerptOf(text.slice(0, TEXT_READ), undefined, true)
            : excerptOf(text ?? ''),
        thumbUrl: thumbId ? `/api/orgs/${orgId}/media/${thumbId}/thumb` : null,
        mediaCount: mediaCount ?? 0,
        authorId: authorId ?? null,
        authorName: authorName ?? null,
        tags: tags ?? [],
        seriesId: seriesId ?? null,
        seriesName: seriesName ?? null,
        movable: false,
        targets: [],
      };
      entries.set(key, entry);
    }
    entry.targets.push({
      targetId,
      channelId,
      channelName,
      network: network as NetworkId,
      state: state as TargetState,
    });
  }
  for (const entry of entries.values()) {
    entry.movable =
      entry.targets.some((t) => MOVABLE.has(t.state)) && !entry.targets.some((t) => t.state === 'publishing');
  }
  return [...entries.values()];
}
