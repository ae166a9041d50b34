import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, postTargets } from '../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { until } from '../test/wait.ts';
import { publishTarget } from './publish-target.ts';
import { sweep } from './sweep.ts';

// The engine end to end on the website-feed channel, which lives inside nahbar: no peer needed.
let t: TestApp;
let owner: Browser;
let orgId: string;
let channelId: string;

const targetOf = async (id: string) => (await t.db.select().from(postTargets).where(eq(postTargets.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestApp({ worker: { sweepIntervalMs: 3_600_000 } });
  ({ owner, orgId } = await setUp(t.app));
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels`,
    as: owner,
    body: { network: 'feed', title: 'Neuigkeiten', siteUrl: 'https://kita-sonnenschein.example' },
  });
  expect(res.statusCode, res.body).toBe(201);
  channelId = res.json().id;
});

async function post(body: Record<string, unknown>, as: Browser = owner) {
  return call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as,
    body: { text: 'Sommerfest am Samstag ab 14 Uhr!', targets: [{ channelId }], ...body },
  });
}

describe('publishing engine on the website feed', () => {
  it('publishes now: the target is published within seconds, in the feed and the audit log', async () => {
    const res = await post({ when: { mode: 'now' } });
    expect(res.statusCode, res.body).toBe(201);
    const targetId = res.json().targets[0].id;
    const target = await until(
      () => targetOf(targetId),
      (row) => row.state === 'published',
    );
    expect(target.state).toBe('published');
    expect(target.attempts).toBe(1);
    expect(target.remoteUrl).toBe(`http://nahbar.test/feeds/${channelId}/items/${targetId}`);
    const feed = await t.app.inject({ url: `/feeds/${channelId}/feed.json` });
    expect(feed.json().items.map((i: { content_text: string }) => i.content_text)).toContain(
      'Sommerfest am Samstag ab 14 Uhr!',
    );
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['post.published']));
    const channels = await call(t.app, { url: `/api/orgs/${orgId}/channels`, as: owner });
    expect(channels.json()[0]).toMatchObject({ freshness: 'fresh' });
  });

  it('keeps a post for later scheduled, and a reschedule to now publishes it', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const res = await post({ when: { mode: 'at', at } });
    const targetId = res.json().targets[0].id;
    await publishTarget(t.deps, targetId); // an early job run must not publish
    expect((await targetOf(targetId)).state).toBe('scheduled');
    const now = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/targets/${targetId}/schedule`,
      as: owner,
      body: { when: { mode: 'now' } },
    });
    expect(now.statusCode, now.body).toBe(200);
    expect(
      (
        await until(
          () => targetOf(targetId),
          (row) => row.state === 'published',
        )
      ).state,
    ).toBe('published');
  });

  it('holds a post more than 6 hours late after downtime instead of publishing it', async () => {
    const res = await post({ when: { mode: 'draft' } });
    const targetId = res.json().targets[0].id;
    // As if nahbar had been down since yesterday evening.
    await t.db
      .update(postTargets)
      .set({ state: 'scheduled', dueAt: new Date(Date.now() - 7 * 3_600_000) })
      .where(eq(postTargets.id, targetId));
    await sweep(t.deps);
    const held = await until(
      () => targetOf(targetId),
      (row) => row.state === 'held',
    );
    expect(held.state).toBe('held');
    expect(held.errorKind).toBe('late');
    const list = await call(t.app, { url: `/api/orgs/${orgId}/posts/${res.json().id}`, as: owner });
    expect(list.json().targets[0]).toMatchObject({ state: 'held', error: { kind: 'late' } });
    // A person decides: publish now.
    await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/targets/${targetId}/schedule`,
      as: owner,
      body: { when: { mode: 'now' } },
    });
    expect(
      (
        await until(
          () => targetOf(targetId),
          (row) => row.state === 'published',
        )
      ).state,
    ).toBe('published');
  });

  it('re-enqueues a due target whose job was lost', async () => {
    const res = await post({ when: { mode: 'draft' } });
    const targetId = res.json().targets[0].id;
    await t.db
      .update(postTargets)
      .set({ state: 'scheduled', dueAt: new Date(Date.now() - 60_000) })
      .where(eq(postTargets.id, targetId));
    const swept = await sweep(t.deps);
    expect(swept.reenqueued).toBeGreaterThanOrEqual(1);
    expect(
      (
        await until(
          () => targetOf(targetId),
          (row) => row.state === 'published',
        )
      ).state,
    ).toBe('published');
  });

  it('cancels a scheduled post; a cancelled post never goes out', async () => {
    const res = await post({ when: { mode: 'at', at: new Date(Date.now() + 2000).toISOString() } });
    const targetId = res.json().targets[0].id;
    const cancelled = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/targets/${targetId}/cancel`,
      as: owner,
    });
    expect(cancelled.json().state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 3000));
    expect((await targetOf(targetId)).state).toBe('cancelled');
  });

  it('takes a published post down: gone from the feed, recorded in the audit log', async () => {
    const res = await post({ text: 'Wird wieder gelöscht', when: { mode: 'now' } });
    const targetId = res.json().targets[0].id;
    await until(
      () => targetOf(targetId),
      (row) => row.state === 'published',
    );
    const down = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/targets/${targetId}/takedown`,
      as: owner,
    });
    expect(down.statusCode, down.body).toBe(200);
    expect(
      (
        await until(
          () => targetOf(targetId),
          (row) => row.state === 'taken_down',
        )
      ).state,
    ).toBe('taken_down');
    const feed = await t.app.inject({ url: `/feeds/${channelId}/feed.json` });
    expect(JSON.stringify(feed.json())).not.toContain('Wird wieder gelöscht');
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, targetId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['post.takedown_requested', 'post.taken_down']));
  });

  it('schedules in instants across the DST change: 02:30 CEST and 02:30 CET are an hour apart', async () => {
    // 31 October 2027: at 03:00 CEST clocks go back to 02:00 CET, so 02:30 happens twice. The
    // web app turns the wall time a person picked into one of these offsets (common/rules/zoned-time).
    const first = await post({ when: { mode: 'at', at: '2027-10-31T02:30:00+02:00' } });
    const second = await post({ when: { mode: 'at', at: '2027-10-31T02:30:00+01:00' } });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const due = [first, second].map((r) => Date.parse(r.json().targets[0].dueAt));
    expect(due[1]! - due[0]!).toBe(3_600_000);

    // The engine compares instants: at 02:45 CEST (00:45Z) the 02:30 CET post is not yet due.
    const targetId = second.json().targets[0].id;
    const realNow = Date.now();
    t.advance(Date.parse('2027-10-31T00:45:00Z') - realNow);
    try {
      await publishTarget(t.deps, targetId);
      expect((await targetOf(targetId)).state).toBe('scheduled');
      t.advance(3_600_000); // 02:45 CET (01:45Z): now it is due
      await publishTarget(t.deps, targetId);
      expect((await targetOf(targetId)).state).toBe('published');
    } finally {
      t.advance(realNow - Date.parse('2027-10-31T01:45:00Z'));
    }
    await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/targets/${first.json().targets[0].id}/cancel`,
      as: owner,
    });
  });

  it('lets contributors save drafts only, viewers nothing', async () => {
    const contributor = await addMember(t, owner, orgId, ['contributor']);
    expect((await post({ when: { mode: 'now' } }, contributor)).statusCode).toBe(403);
    expect((await post({ when: { mode: 'draft' } }, contributor)).statusCode).toBe(201);
    const viewer = await addMember(t, owner, orgId, ['viewer']);
    expect((await post({ when: { mode: 'draft' } }, viewer)).statusCode).toBe(403);
  });

  it('refuses a text the channel cannot take, naming the field, and stores nothing', async () => {
    const before = (await t.db.select().from(postTargets)).length;
    const res = await post({ text: 'x'.repeat(5001), when: { mode: 'now' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ field: 'targets.0.text', code: 'too_long' });
    expect((await t.db.select().from(postTargets)).length).toBe(before);
  });
});
