import type { Series } from '@nahbar/common';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { posts, series } from '../../db/schema/index.ts';
import type { SeriesRow } from './materialize.ts';

const UPCOMING = 5;

export function seriesView(row: SeriesRow, upcoming: Date[]): Series {
  return {
    id: row.id,
    name: row.name,
    text: row.text,
    tags: row.tags,
    channelIds: row.channelIds,
    weekday: row.weekday,
    time: row.time,
    intervalWeeks: row.intervalWeeks,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    active: row.active,
    upcoming: upcoming.map((d) => d.toISOString()),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The organisation's Rubriken (or the given ones), each with its next five draft slots. */
export async function loadSeries(db: DbOrTx, orgId: string, now: Date, ids?: string[]): Promise<Series[]> {
  const rows = await db
    .select()
    .from(series)
    .where(and(eq(series.orgId, orgId), ids ? inArray(series.id, ids) : undefined))
    .orderBy(asc(series.name), asc(series.id));
  if (rows.length === 0) return [];
  const ranked = db
    .select({
      seriesId: posts.seriesId,
      plannedAt: posts.plannedAt,
      rank: sql<number>`row_number() over (partition by ${posts.seriesId} order by ${posts.plannedAt})`.as('rank'),
    })
    .from(posts)
    .where(
      and(
        eq(posts.orgId, orgId),
        inArray(
          posts.seriesId,
          rows.map((r) => r.id),
        ),
        gt(posts.plannedAt, now),
      ),
    )
    .as('ranked');
  const upcoming = await db
    .select({ seriesId: ranked.seriesId, plannedAt: ranked.plannedAt })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${UPCOMING}`)
    .orderBy(asc(ranked.plannedAt));
  return rows.map((row) =>
    seriesView(
      row,
      upcoming.flatMap((u) => (u.seriesId === row.id && u.plannedAt ? [u.plannedAt] : [])),
    ),
  );
}
