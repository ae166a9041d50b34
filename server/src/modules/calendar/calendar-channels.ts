import type { CalendarGap, ChannelSlots, PostingSlot } from '@nahbar/common';
import { type ChannelCadence, cadenceGaps } from '@nahbar/common/rules/cadence-gaps';
import { isoToZonedWallTime, wallTimeToEpoch } from '@nahbar/common/rules/zoned-time';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';

/** Posts that keep a channel alive: going out or gone out (not drafts, cancelled or failed). */
export const CADENCE_STATES = ['scheduled', 'publishing', 'published', 'in_review', 'approved'];
const CADENCE_SQL = sql.raw(CADENCE_STATES.map((s) => `'${s}'`).join(', '));

type Row = {
  id: string;
  interval_days: number;
  created_at: Date | string;
  last_before: Date | string | null;
  /** JSON: ISO strings. */
  moments: string[];
  slots: PostingSlot[];
};

export type Window = { from: Date; to: Date; now: Date; timeZone: string; channelId?: string | undefined };

/**
 * Gaps and posting slots of the organisation's live channels, in one statement: per channel its
 * slots, its last post before the part of the window that can still be planned (today on), and
 * its posts in that part. "Last post before" counts published and still-scheduled targets; the
 * seconds a target spends publishing do not matter for a cadence of days. Gaps ignore the calendar's state/tag/author filters on purpose: a
 * channel is stale whatever one is looking at.
 */
export async function loadChannelPlanning(
  db: DbOrTx,
  orgId: string,
  w: Window,
): Promise<{ gaps: CalendarGap[]; slots: ChannelSlots[] }> {
  const day = (ms: number) => isoToZonedWallTime(ms, w.timeZone).date;
  const today = day(w.now.getTime());
  const startOfToday = wallTimeToEpoch({ date: today, time: '00:00' }, w.timeZone);
  const start = new Date(Math.max(w.from.getTime(), startOfToday)).toISOString();
  const to = w.to.toISOString();
  const only = w.channelId ? sql`and c.id = ${w.channelId}` : sql``;
  const result = await db.execute<Row>(sql`
    select c.id, c.target_interval_days as interval_days, c.created_at,
      greatest(
        (select max(pt.published_at) from post_targets pt
          where pt.channel_id = c.id and pt.state = 'published' and pt.published_at < ${start}),
        -- Still waiting (late, or planned before the window): the partial index of scheduled
        -- targets finds the newest at once; scoped by the organisation's channel.
        (select max(pt.due_at) from post_targets pt
          where pt.state = 'scheduled' and pt.channel_id = c.id and pt.due_at < ${start})
      ) as last_before,
      to_json(array(select coalesce(pt.published_at, pt.due_at) from post_targets pt
        where pt.org_id = ${orgId} and pt.channel_id = c.id and pt.state in (${CADENCE_SQL})
          and ((pt.published_at >= ${start} and pt.published_at < ${to})
            or (pt.published_at is null and pt.due_at >= ${start} and pt.due_at < ${to})))) as moments,
      coalesce((select json_agg(json_build_object('weekday', ps.weekday, 'time', ps.time) order by ps.weekday, ps.time)
        from posting_slots ps where ps.channel_id = c.id), '[]'::json) as slots
    from channels c
    where c.org_id = ${orgId} and c.status in ('connected', 'failing', 'needs_reconnect') ${only}
    order by c.name, c.id`);
  const rows = result.rows;
  const cadence: ChannelCadence[] = rows.map((r) => ({
    channelId: r.id,
    intervalDays: r.interval_days,
    createdAt: new Date(r.created_at),
    lastBefore: r.last_before ? new Date(r.last_before) : null,
    posts: r.moments.map((m) => new Date(m)),
  }));
  const gaps = cadenceGaps(cadence, {
    from: day(w.from.getTime()),
    to: day(w.to.getTime() - 1),
    today,
    timeZone: w.timeZone,
  });
  return { gaps, slots: rows.map((r) => ({ channelId: r.id, slots: r.slots })) };
}
