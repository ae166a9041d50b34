import type { PostSnapshot } from '@nahbar/common';
import { occurrencesBetween } from '@nahbar/common/rules/recurrence';
import { and, eq, gt, inArray, ne, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, posts, postTargets, postVersions, series } from '../../db/schema/index.ts';

/** A Rubrik keeps this far ahead of itself in the calendar. */
export const MATERIALIZE_WEEKS = 12;
const WEEK = 7 * 86_400_000;

export type SeriesRow = typeof series.$inferSelect;

/**
 * Puts the Rubrik's draft slots into the calendar up to twelve weeks ahead: a post (version 1,
 * planned at the occurrence), its first version, and a draft target per live channel. The unique
 * (series_id, planned_at) index makes this safe to repeat; `since` lets the daily extension
 * start where the last run stopped, so a draft someone deleted does not come back.
 */
export async function materializeSeries(
  tx: DbOrTx,
  row: SeriesRow,
  opts: { timeZone: string; now: Date; since?: Date | null; authorId: string | null },
): Promise<number> {
  const until = new Date(opts.now.getTime() + MATERIALIZE_WEEKS * WEEK);
  if (!row.active) return 0;
  // The last run covered [.., since): continue there; otherwise from just after now.
  const from = opts.since && opts.since > opts.now ? opts.since : new Date(opts.now.getTime() + 1);
  const dates = occurrencesBetween(
    {
      weekday: row.weekday,
      time: row.time,
      intervalWeeks: row.intervalWeeks,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
    },
    opts.timeZone,
    from,
    until,
  );
  await tx.update(series).set({ materializedUntil: until }).where(eq(series.id, row.id));
  const live = row.channelIds.length
    ? await tx
        .select({ id: channels.id })
        .from(channels)
        .where(
          and(eq(channels.orgId, row.orgId), inArray(channels.id, row.channelIds), ne(channels.status, 'disconnected')),
        )
    : [];
  if (dates.length === 0 || live.length === 0) return 0;
  const created = await tx
    .insert(posts)
    .values(
      dates.map((plannedAt) => ({
        orgId: row.orgId,
        authorId: opts.authorId,
        text: row.text,
        tags: row.tags,
        version: 1,
        plannedAt,
        seriesId: row.id,
        createdAt: opts.now,
        updatedAt: opts.now,
      })),
    )
    .onConflictDoNothing({ target: [posts.seriesId, posts.plannedAt], where: sql`series_id is not null` })
    .returning({ id: posts.id });
  if (created.length === 0) return 0;
  const snapshot: PostSnapshot = {
    text: row.text,
    language: null,
    tags: row.tags,
    media: [],
    targets: live.map((c) => ({ channelId: c.id, text: null, contentWarning: null, visibility: 'public' })),
  };
  await tx
    .insert(postVersions)
    .values(created.map((p) => ({ postId: p.id, version: 1, orgId: row.orgId, authorId: opts.authorId, snapshot })));
  await tx
    .insert(postTargets)
    .values(
      created.flatMap((p) =>
        live.map((c) => ({ orgId: row.orgId, postId: p.id, channelId: c.id, state: 'draft', createdAt: opts.now })),
      ),
    );
  return created.length;
}

/**
 * The Rubrik's future drafts nobody has touched: first version, never moved (a move changes
 * updated_at, an edit the version), only draft targets.
 */
export async function deleteUntouchedDrafts(tx: DbOrTx, orgId: string, seriesId: string, now: Date): Promise<number> {
  const deleted = await tx
    .delete(posts)
    .where(
      and(
        eq(posts.orgId, orgId),
        eq(posts.seriesId, seriesId),
        gt(posts.plannedAt, now),
        eq(posts.version, 1),
        sql`${posts.updatedAt} <= ${posts.createdAt}`,
        notExists(
          tx
            .select({ one: sql`1` })
            .from(postTargets)
            .where(and(eq(postTargets.postId, posts.id), ne(postTargets.state, 'draft'))),
        ),
      ),
    )
    .returning({ id: posts.id });
  return deleted.length;
}
