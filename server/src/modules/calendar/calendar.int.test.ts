import { type Calendar, calendarSchema } from '@nahbar/common';
import { isoToZonedWallTime } from '@nahbar/common/rules/zoned-time';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels, organisations } from '../../db/schema/index.ts';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createFeedChannel, createImage } from '../feeds/test-factories.ts';
import { insertPost } from './test-factories.ts';

const DAY = 86_400_000;
let t: TestApp;
let owner: Browser;
let orgId: string;
let news: { id: string };
let jobs: { id: string };
const now = Date.now();
const at = (days: number, hours = 0) => new Date(now + days * DAY + hours * 3_600_000);
const window = { from: at(-10).toISOString(), to: at(30).toISOString() };

async function calendar(query: Record<string, string> = {}, as = owner) {
  const params = new URLSearchParams({ ...window, ...query });
  return call(t.app, { url: `/api/orgs/${orgId}/calendar?${params}`, as });
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  news = await createFeedChannel(t.db, orgId);
  jobs = await createFeedChannel(t.db, orgId);
  await t.db.update(channels).set({ name: 'Neuigkeiten' }).where(eq(channels.id, news.id));
  await t.db.update(channels).set({ name: 'Stellen' }).where(eq(channels.id, jobs.id));
});

describe('GET /calendar', () => {
  it('refuses a window that ends before it starts or spans more than 100 days', async () => {
    const backwards = await calendar({ from: at(5).toISOString(), to: at(1).toISOString() });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('calendar_range');
    const long = await calendar({ from: at(0).toISOString(), to: at(101).toISOString() });
    expect(long.json().error.code).toBe('calendar_range');
    expect((await calendar({ state: 'scheduled,verschoben' })).json().error.code).toBe('validation_failed');
  });

  it('shows each post at its moment with its channels, a thumbnail and a short excerpt', async () => {
    const image = await createImage(t.db, orgId);
    const long = `Sommerfest im Stadtteilzentrum ${'mit Musik, Essen und Spielen für alle Generationen '.repeat(4)}`;
    const together = await insertPost(t.db, orgId, {
      text: long,
      tags: ['Sommerfest 2026'],
      authorId: owner.userId,
      images: [image.id],
      targets: [
        { channelId: news.id, state: 'scheduled', dueAt: at(3) },
        { channelId: jobs.id, state: 'scheduled', dueAt: at(3) },
      ],
    });
    const split = await insertPost(t.db, orgId, {
      text: 'Neue Öffnungszeiten',
      targets: [
        { channelId: news.id, state: 'published', dueAt: at(-2), publishedAt: at(-2, 1) },
        { channelId: jobs.id, state: 'failed', dueAt: at(-2) },
      ],
    });
    const draft = await insertPost(t.db, orgId, {
      text: 'Ideen für den Herbst',
      plannedAt: at(10),
      targets: [{ channelId: news.id, state: 'draft' }],
    });
    await insertPost(t.db, orgId, { text: 'Ohne Termin', targets: [{ channelId: news.id, state: 'draft' }] });
    const cancelled = await insertPost(t.db, orgId, {
      text: 'Abgesagt',
      targets: [{ channelId: news.id, state: 'cancelled', dueAt: at(4) }],
    });
    const [other] = await t.db.insert(organisations).values({ name: 'Andere Organisation' }).returning();
    const foreign = await createFeedChannel(t.db, other!.id);
    await insertPost(t.db, other!.id, { targets: [{ channelId: foreign.id, state: 'scheduled', dueAt: at(3) }] });

    const res = await calendar();
    expect(res.statusCode, res.body).toBe(200);
    // The route skips response validation for speed: the answer must still match the contract.
    const body = calendarSchema.parse(res.json());
    expect(body.timeZone).toBe('Europe/Berlin');
    const entries = body.entries;
    expect(entries.map((e) => [e.postId, e.at])).toEqual([
      [split.post.id, at(-2).toISOString()], // failed: due time
      [split.post.id, at(-2, 1).toISOString()], // published: publication time
      [together.post.id, at(3).toISOString()],
      [draft.post.id, at(10).toISOString()], // a draft at its planned time
    ]);
    const fest = entries[2]!;
    expect(fest.targets.map((x) => [x.channelName, x.state])).toEqual([
      ['Neuigkeiten', 'scheduled'],
      ['Stellen', 'scheduled'],
    ]);
    expect(fest).toMatchObject({
      thumbUrl: `/api/orgs/${orgId}/media/${image.id}/thumb`,
      mediaCount: 1,
      authorId: owner.userId,
      authorName: 'Olga Owner',
      tags: ['Sommerfest 2026'],
      movable: true,
    });
    expect(fest.excerpt.length).toBeLessThanOrEqual(120);
    expect(fest.excerpt.endsWith('…')).toBe(true);
    expect(long.replace(/\s+/g, ' ').startsWith(`${fest.excerpt.slice(0, -1)} `)).toBe(true);
    expect(entries[1]).toMatchObject({ movable: false, thumbUrl: null, excerpt: 'Neue Öffnungszeiten' });
    expect(entries[0]).toMatchObject({ movable: true });

    const onlyCancelled = (await calendar({ state: 'cancelled' })).json() as Calendar;
    expect(onlyCancelled.entries.map((e) => e.postId)).toEqual([cancelled.post.id]);
  });

  it('filters by channel, state, campaign tag and author', async () => {
    const ids = async (query: Record<string, string>) =>
      ((await calendar(query)).json() as Calendar).entries.map((e) => `${e.excerpt.slice(0, 12)}@${e.targets.length}`);
    expect(await ids({ channelId: jobs.id })).toEqual(['Neue Öffnung@1', 'Sommerfest i@1']);
    expect(await ids({ state: 'published,draft' })).toEqual(['Neue Öffnung@1', 'Ideen für de@1']);
    expect(await ids({ tag: 'Sommerfest 2026' })).toEqual(['Sommerfest i@2']);
    expect(await ids({ authorId: owner.userId })).toEqual(['Sommerfest i@2']);
  });

  it('marks the days a channel goes stale and lists its posting slots', async () => {
    const quiet = await createFeedChannel(t.db, orgId);
    await t.db
      .update(channels)
      .set({ name: 'Ruhig', targetIntervalDays: 7, createdAt: at(-60) })
      .where(eq(channels.id, quiet.id));
    await insertPost(t.db, orgId, {
      targets: [{ channelId: quiet.id, state: 'published', dueAt: at(-20), publishedAt: at(-20) }],
    });
    await insertPost(t.db, orgId, { targets: [{ channelId: quiet.id, state: 'scheduled', dueAt: at(5) }] });
    const put = await call(t.app, {
      method: 'PUT',
      url: `/api/orgs/${orgId}/channels/${quiet.id}/slots`,
      as: owner,
      body: { slots: [{ weekday: 2, time: '10:00' }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const body = (await calendar()).json() as Calendar;
    const day = (d: Date) => isoToZonedWallTime(d.getTime(), 'Europe/Berlin').date;
    // Stale from today (the past is not marked) until the planned post; then again a week after it.
    expect(body.gaps.filter((g) => g.channelId === quiet.id)).toEqual([
      { channelId: quiet.id, from: day(at(0)), to: day(at(4)), intervalDays: 7 },
      { channelId: quiet.id, from: day(at(13)), to: day(at(30)), intervalDays: 7 },
    ]);
    expect(body.slots.find((s) => s.channelId === quiet.id)?.slots).toEqual([{ weekday: 2, time: '10:00' }]);
    const filtered = (await calendar({ channelId: quiet.id })).json() as Calendar;
    expect(filtered.slots.map((s) => s.channelId)).toEqual([quiet.id]);
  });
});
