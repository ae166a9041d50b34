import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, posts, postTargets } from '../../db/schema/index.ts';
import { publishTarget } from '../../jobs/publish-target.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { until } from '../../test/wait.ts';
import { createFeedChannel } from '../feeds/test-factories.ts';
import { insertPost } from './test-factories.ts';

// Drag and drop in the calendar, end to end on the website feed channel (no peer needed).
let t: TestApp;
let owner: Browser;
let contributor: Browser;
let orgId: string;
let channelId: string;
const HOUR = 3_600_000;

const targetOf = async (id: string) => (await t.db.select().from(postTargets).where(eq(postTargets.id, id)))[0]!;
const move = (postId: string, at: Date | string, as = owner) =>
  call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts/${postId}/move`,
    as,
    body: { at: typeof at === 'string' ? at : at.toISOString() },
  });

beforeAll(async () => {
  t = await createTestApp({ worker: { sweepIntervalMs: 3_600_000 } });
  ({ owner, orgId } = await setUp(t.app));
  contributor = await addMember(t, owner, orgId, ['contributor'], 'Clara Contributor');
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels`,
    as: owner,
    body: { network: 'feed', title: 'Neuigkeiten', siteUrl: 'https://familienzentrum.example' },
  });
  expect(res.statusCode, res.body).toBe(201);
  channelId = res.json().id;
});

describe('POST /posts/:id/move', () => {
  it('moves failed and held targets back into the schedule, with attempts and error cleared', async () => {
    const { post, targets } = await insertPost(t.db, orgId, {
      targets: [{ channelId, state: 'failed', dueAt: new Date(Date.now() - HOUR) }],
    });
    await t.db
      .update(postTargets)
      .set({ attempts: 3, errorKind: 'rejected', errorMessage: 'zu lang', errorAt: new Date() })
      .where(eq(postTargets.id, targets[0]!.id));
    const at = new Date(Date.now() + 5 * HOUR);
    const res = await move(post.id, at);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().targets[0]).toMatchObject({
      state: 'scheduled',
      dueAt: at.toISOString(),
      attempts: 0,
      error: null,
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'post.moved'), eq(auditLog.targetId, post.id)));
    expect(entry?.details).toMatchObject({ to: at.toISOString(), targets: [{ id: targets[0]!.id, state: 'failed' }] });
  });

  it('moves a draft by its planned time: it stays a draft without due time', async () => {
    const { post, targets } = await insertPost(t.db, orgId, {
      plannedAt: new Date(Date.now() + 24 * HOUR),
      targets: [{ channelId, state: 'draft' }],
    });
    // Contributors plan drafts too; a draft may even be filed on a past day.
    const past = new Date(Date.now() - 48 * HOUR);
    const res = await move(post.id, past, contributor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ plannedAt: past.toISOString() });
    expect(await targetOf(targets[0]!.id)).toMatchObject({ state: 'draft', dueAt: null });
  });

  it('refuses what cannot move: published posts, the past, contributors on scheduled posts, other organisations', async () => {
    const published = await insertPost(t.db, orgId, {
      targets: [{ channelId, state: 'published', dueAt: new Date(), publishedAt: new Date() }],
    });
    const res = await move(published.post.id, new Date(Date.now() + HOUR));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('target_state');

    // One channel is going out right now: the post stays put, the other channel too.
    const mastodon = await createFeedChannel(t.db, orgId, { network: 'mastodon', settings: {} });
    const goingOut = await insertPost(t.db, orgId, {
      targets: [
        { channelId, state: 'publishing', dueAt: new Date() },
        { channelId: mastodon.id, state: 'scheduled', dueAt: new Date(Date.now() + HOUR) },
      ],
    });
    expect((await move(goingOut.post.id, new Date(Date.now() + 3 * HOUR))).statusCode).toBe(409);
    expect((await targetOf(goingOut.targets[1]!.id)).dueAt?.getTime()).toBe(goingOut.targets[1]!.dueAt?.getTime());

    const scheduled = await insertPost(t.db, orgId, {
      targets: [{ channelId, state: 'scheduled', dueAt: new Date(Date.now() + 2 * HOUR) }],
    });
    const past = await move(scheduled.post.id, new Date(Date.now() - 2 * HOUR));
    expect(past.statusCode).toBe(422);
    expect(past.json().error.code).toBe('due_in_past');
    expect((await move(scheduled.post.id, new Date(Date.now() + HOUR), contributor)).statusCode).toBe(403);
    expect((await targetOf(scheduled.targets[0]!.id)).dueAt?.getTime()).toBe(scheduled.targets[0]!.dueAt?.getTime());

    const [other] = await t.db.insert(organisations).values({ name: 'Nachbarverein' }).returning();
    const foreignChannel = await createFeedChannel(t.db, other!.id);
    const foreign = await insertPost(t.db, other!.id, {
      targets: [{ channelId: foreignChannel.id, state: 'scheduled', dueAt: new Date(Date.now() + HOUR) }],
    });
    expect((await move(foreign.post.id, new Date(Date.now() + 3 * HOUR))).statusCode).toBe(404);
    expect((await t.db.select().from(posts).where(eq(posts.id, foreign.post.id)))[0]?.plannedAt).toBeNull();
  });

  it('publishes a moved post at the new time, not the old one', async () => {
    const created = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as: owner,
      body: {
        text: 'Elterncafé diesmal am Donnerstag',
        targets: [{ channelId }],
        when: { mode: 'at', at: new Date(Date.now() + 2_000).toISOString() },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const postId = created.json().id;
    const targetId = created.json().targets[0].id;
    const later = new Date(Date.now() + HOUR);
    expect((await move(postId, later)).statusCode).toBe(200);

    // The old time passes with the worker running: nothing goes out.
    await new Promise((r) => setTimeout(r, 4_000));
    expect((await targetOf(targetId)).state).toBe('scheduled');
    const waiting = await t.db.$client.query<{ start_after: Date }>(
      "select start_after from pgboss.job where name = 'publish-target' and singleton_key = $1 and state = 'created'",
      [targetId],
    );
    expect(waiting.rows.map((r) => r.start_after.getTime())).toEqual([later.getTime()]);
    await publishTarget(t.deps, targetId); // an early run of the job must not publish either
    expect((await targetOf(targetId)).state).toBe('scheduled');

    // An hour on, the job runs at the new time and publishes.
    t.advance(HOUR + 1_000);
    await publishTarget(t.deps, targetId);
    const done = await until(
      () => targetOf(targetId),
      (row) => row.state === 'published',
    );
    expect(done.state).toBe('published');
    expect(done.publishedAt!.getTime()).toBeGreaterThanOrEqual(later.getTime());
  });
});
