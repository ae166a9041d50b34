import type { Calendar, Series } from '@nahbar/common';
import { isoWeekday } from '@nahbar/common/rules/local-date';
import { isoToZonedWallTime } from '@nahbar/common/rules/zoned-time';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, posts, postTargets, postVersions } from '../../db/schema/index.ts';
import { extendSeries } from '../../jobs/series-extend.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createFeedChannel } from '../feeds/test-factories.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let news: string;
let jobs: string;
const DAY = 86_400_000;
const today = isoToZonedWallTime(Date.now(), 'Europe/Berlin').date;

const draftsOf = (seriesId: string) =>
  t.db.select().from(posts).where(eq(posts.seriesId, seriesId)).orderBy(asc(posts.plannedAt));
const create = (body: Record<string, unknown>, as = owner) =>
  call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/series`,
    as,
    body: {
      name: 'Mitarbeitende stellen sich vor',
      text: 'Heute stellen wir vor: ',
      tags: ['Team'],
      channelIds: [news, jobs],
      weekday: 2,
      time: '10:00',
      intervalWeeks: 2,
      startsOn: today,
      ...body,
    },
  });

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  news = (await createFeedChannel(t.db, orgId)).id;
  jobs = (await createFeedChannel(t.db, orgId)).id;
});

describe('Rubriken', () => {
  it('puts draft slots for the next 12 weeks into the calendar, every second Tuesday at 10:00', async () => {
    const res = await create({});
    expect(res.statusCode, res.body).toBe(201);
    const series = res.json() as Series;
    const drafts = await draftsOf(series.id);
    expect(drafts.length).toBe(6);
    for (const d of drafts) {
      const wall = isoToZonedWallTime(d.plannedAt!.getTime(), 'Europe/Berlin');
      expect(wall.time).toBe('10:00');
      expect(isoWeekday(wall.date)).toBe(2);
      expect(d).toMatchObject({ version: 1, text: 'Heute stellen wir vor: ', tags: ['Team'], authorId: owner.userId });
    }
    expect(drafts[1]!.plannedAt!.getTime() - drafts[0]!.plannedAt!.getTime()).toBeGreaterThanOrEqual(
      14 * DAY - 3_600_000,
    );
    expect(series.upcoming).toEqual(drafts.slice(0, 5).map((d) => d.plannedAt!.toISOString()));
    const targets = await t.db.select().from(postTargets).where(eq(postTargets.postId, drafts[0]!.id));
    expect(targets.map((x) => x.state).sort()).toEqual(['draft', 'draft']);
    const versions = await t.db.select().from(postVersions).where(eq(postVersions.postId, drafts[0]!.id));
    expect(versions.map((v) => v.version)).toEqual([1]);

    const window = new URLSearchParams({
      from: new Date().toISOString(),
      to: new Date(Date.now() + 90 * DAY).toISOString(),
    });
    const calendar = (
      await call(t.app, { url: `/api/orgs/${orgId}/calendar?${window}`, as: owner })
    ).json() as Calendar;
    const mine = calendar.entries.filter((e) => e.seriesId === series.id);
    expect(mine.length).toBe(6);
    expect(mine[0]).toMatchObject({ seriesName: 'Mitarbeitende stellen sich vor', movable: true });

    const list = (await call(t.app, { url: `/api/orgs/${orgId}/series`, as: owner })).json() as Series[];
    expect(list.map((s) => s.id)).toContain(series.id);
  });

  it('refuses foreign channels, an end before the start, and people outside the editorial team', async () => {
    const [other] = await t.db.insert(organisations).values({ name: 'Nachbarverein' }).returning();
    const foreign = await createFeedChannel(t.db, other!.id);
    expect((await create({ channelIds: [foreign.id] })).statusCode).toBe(404);
    const backwards = await create({ startsOn: '2030-05-01', endsOn: '2030-04-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].field).toBe('endsOn');
    const contributor = await addMember(t, owner, orgId, ['contributor']);
    expect((await create({}, contributor)).statusCode).toBe(403);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/series`, as: contributor })).statusCode).toBe(200);
  });

  it('a changed rule replaces untouched drafts; edited ones stay; deleting keeps them as plain posts', async () => {
    const series = (await create({ name: 'Wochenrückblick', weekday: 5, intervalWeeks: 1 })).json() as Series;
    const before = await draftsOf(series.id);
    expect(before.length).toBe(12);
    // Someone has started writing the third one, and someone dragged the fifth to a Thursday.
    const edited = before[2]!;
    await t.db.update(posts).set({ version: 2, text: 'Rückblick: Sommerfest' }).where(eq(posts.id, edited.id));
    const moved = before[4]!;
    const movedTo = new Date(moved.plannedAt!.getTime() - 86_400_000);
    const move = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts/${moved.id}/move`,
      as: owner,
      body: { at: movedTo.toISOString() },
    });
    expect(move.statusCode, move.body).toBe(200);

    const res = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}/series/${series.id}`,
      as: owner,
      body: { weekday: 1, time: '08:30' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await draftsOf(series.id);
    const untouched = after.filter((d) => d.id !== edited.id && d.id !== moved.id);
    expect(after.map((d) => d.id)).toContain(edited.id);
    expect(after.find((d) => d.id === moved.id)?.plannedAt).toEqual(movedTo);
    expect(untouched.length).toBe(12);
    for (const d of untouched) {
      const wall = isoToZonedWallTime(d.plannedAt!.getTime(), 'Europe/Berlin');
      expect([isoWeekday(wall.date), wall.time]).toEqual([1, '08:30']);
    }
    expect(res.json().time).toBe('08:30');

    const removed = await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/series/${series.id}`, as: owner });
    expect(removed.statusCode).toBe(204);
    const left = await t.db
      .select()
      .from(posts)
      .where(
        inArray(
          posts.id,
          after.map((d) => d.id),
        ),
      );
    expect(left.map((p) => [p.id, p.seriesId]).sort()).toEqual(
      [
        [edited.id, null],
        [moved.id, null],
      ].sort(),
    );
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.targetId, series.id)));
    expect(audit.map((a) => a.action)).toEqual(['series.created', 'series.updated', 'series.deleted']);
  });

  it('an inactive Rubrik has no future drafts; the daily job extends active ones without reviving deleted drafts', async () => {
    const series = (await create({ name: 'Tipp der Woche', weekday: 3, intervalWeeks: 1 })).json() as Series;
    const paused = (await create({ name: 'Pausiert', active: false })).json() as Series;
    expect(await draftsOf(paused.id)).toEqual([]);
    const drafts = await draftsOf(series.id);
    await t.db.delete(posts).where(eq(posts.id, drafts[0]!.id)); // not this week, on purpose

    t.advance(14 * DAY);
    const run = await extendSeries(t.deps);
    expect(run.drafts).toBeGreaterThanOrEqual(2);
    const extended = await draftsOf(series.id);
    expect(extended.map((d) => d.id)).not.toContain(drafts[0]!.id);
    expect(extended.filter((d) => d.plannedAt!.getTime() <= drafts[0]!.plannedAt!.getTime())).toEqual([]);
    expect(extended.length).toBe(drafts.length - 1 + 2);
    expect(await draftsOf(paused.id)).toEqual([]);
    // Running again changes nothing.
    await extendSeries(t.deps);
    expect((await draftsOf(series.id)).length).toBe(extended.length);
  });
});
