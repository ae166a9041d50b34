import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { organisations, series } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { MATERIALIZE_WEEKS, materializeSeries } from '../modules/calendar/materialize.ts';

const DAY = 86_400_000;

/**
 * Daily: every active Rubrik keeps twelve weeks of draft slots ahead. Continues where the last
 * run stopped (materialized_until), so a draft someone deleted on purpose does not come back.
 * One transaction per Rubrik: one broken row cannot hold up the others.
 */
export async function extendSeries(deps: Deps): Promise<{ series: number; drafts: number }> {
  const now = deps.clock();
  // Due when less than 12 weeks minus a day is covered: runs a day late still leave no hole.
  const due = new Date(now.getTime() + MATERIALIZE_WEEKS * 7 * DAY - DAY);
  const rows = await deps.db
    .select({ row: series, timeZone: organisations.timeZone })
    .from(series)
    .innerJoin(organisations, eq(organisations.id, series.orgId))
    .where(and(eq(series.active, true), or(isNull(series.materializedUntil), lt(series.materializedUntil, due))));
  const result = { series: 0, drafts: 0 };
  for (const { row, timeZone } of rows) {
    try {
      const drafts = await deps.db.transaction((tx) =>
        materializeSeries(tx, row, { timeZone, now, since: row.materializedUntil, authorId: row.createdBy }),
      );
      result.series += 1;
      result.drafts += drafts;
    } catch (error) {
      deps.log.error({ err: error, seriesId: row.id }, 'extending a Rubrik failed');
    }
  }
  return result;
}
