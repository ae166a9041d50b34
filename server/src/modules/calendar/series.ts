import type { createSeriesSchema, Language, Series, updateSeriesSchema } from '@nahbar/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/open.ts';
import { channels, series } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { deleteUntouchedDrafts, materializeSeries } from './materialize.ts';
import { orgTimeZone } from './org-time-zone.ts';
import { loadSeries } from './series-view.ts';

type SeriesActor = Actor & { orgId: string; language: Language };
type CreateSeries = z.output<typeof createSeriesSchema>;
type UpdateSeries = z.output<typeof updateSeriesSchema>;

async function requireChannels(db: DbOrTx, orgId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.orgId, orgId), inArray(channels.id, unique)));
  if (found.length !== unique.length) throw new AppError('not_found');
  return unique;
}

function checkDates(input: { startsOn: string; endsOn?: string | null | undefined }, language: Language): void {
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw new AppError('validation_failed', [
      fieldError(
        'endsOn',
        'before_start',
        { de: 'Das Ende liegt vor dem Beginn.', en: 'The end is before the start.' },
        language,
      ),
    ]);
  }
}

async function oneSeries(deps: Deps, orgId: string, id: string): Promise<Series> {
  const [found] = await loadSeries(deps.db, orgId, deps.clock(), [id]);
  if (!found) throw new AppError('not_found');
  return found;
}

export async function listSeries(deps: Deps, orgId: string): Promise<Series[]> {
  return loadSeries(deps.db, orgId, deps.clock());
}

export async function createSeries(deps: Deps, actor: SeriesActor, input: CreateSeries): Promise<Series> {
  checkDates(input, actor.language);
  const now = deps.clock();
  const timeZone = await orgTimeZone(deps.db, actor.orgId);
  const id = await deps.db.transaction(async (tx) => {
    const channelIds = await requireChannels(tx, actor.orgId, input.channelIds);
    const [row] = await tx
      .insert(series)
      .values({ ...input, endsOn: input.endsOn ?? null, channelIds, orgId: actor.orgId, createdBy: actor.userId })
      .returning();
    if (!row) throw new Error('series insert returned nothing');
    const drafts = await materializeSeries(tx, row, { timeZone, now, authorId: actor.userId });
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'series.created',
      targetType: 'series',
      targetId: row.id,
      details: { name: row.name, drafts },
    });
    return row.id;
  });
  return oneSeries(deps, actor.orgId, id);
}

/** A changed rule replaces the untouched future drafts; edited ones stay where they are. */
export async function updateSeries(deps: Deps, actor: SeriesActor, id: string, input: UpdateSeries): Promise<Series> {
  const now = deps.clock();
  const timeZone = await orgTimeZone(deps.db, actor.orgId);
  await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(series)
      .where(and(eq(series.id, id), eq(series.orgId, actor.orgId)))
      .for('update');
    if (!current) throw new AppError('not_found');
    const channelIds = input.channelIds ? await requireChannels(tx, actor.orgId, input.channelIds) : current.channelIds;
    const next = {
      ...current,
      ...input,
      channelIds,
      endsOn: input.endsOn === undefined ? current.endsOn : input.endsOn,
    };
    checkDates(next, actor.language);
    const [row] = await tx
      .update(series)
      .set({
        name: next.name,
        text: next.text,
        tags: next.tags,
        channelIds,
        weekday: next.weekday,
        time: next.time,
        intervalWeeks: next.intervalWeeks,
        startsOn: next.startsOn,
        endsOn: next.endsOn ?? null,
        active: next.active,
      })
      .where(eq(series.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    const removed = await deleteUntouchedDrafts(tx, actor.orgId, id, now);
    const drafts = await materializeSeries(tx, row, { timeZone, now, authorId: actor.userId });
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'series.updated',
      targetType: 'series',
      targetId: id,
      details: { changed: Object.keys(input), removed, drafts },
    });
  });
  return oneSeries(deps, actor.orgId, id);
}

/** The Rubrik goes with its untouched future drafts; edited drafts stay as ordinary posts. */
export async function deleteSeries(deps: Deps, actor: SeriesActor, id: string): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: series.id, name: series.name })
      .from(series)
      .where(and(eq(series.id, id), eq(series.orgId, actor.orgId)))
      .for('update');
    if (!current) throw new AppError('not_found');
    const removed = await deleteUntouchedDrafts(tx, actor.orgId, id, now);
    await tx.delete(series).where(eq(series.id, id));
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'series.deleted',
      targetType: 'series',
      targetId: id,
      details: { name: current.name, removed },
    });
  });
}
