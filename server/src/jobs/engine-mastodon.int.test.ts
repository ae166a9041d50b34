import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, channels, mailOutbox, posts, postTargets } from '../db/schema/index.ts';
import { adapterFor, contextFor } from '../modules/channels/access.ts';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { type MastodonFake, startMastodonFake } from '../test/mastodon-contract-fake.ts';
import { until } from '../test/wait.ts';
import { publishInput } from './publish-input.ts';
import { sweep } from './sweep.ts';

// The engine against the Mastodon contract fake (no Mastodon server can run here): OAuth
// connect through our API, retries, lost answers, rate limits, refusals, revoked tokens, and
// reconciling after a worker died mid-call.
let t: TestApp;
let fake: MastodonFake;
let owner: Browser;
let orgId: string;
let ownerEmail: string;
let channelId: string;

const targetOf = async (id: string) => (await t.db.select().from(postTargets).where(eq(postTargets.id, id)))[0]!;
const settled = (row: { state: string }) => !['scheduled', 'publishing'].includes(row.state);

/** The browser's round trip: our start → the instance's authorize page → our callback. */
async function connectViaOAuth(body: Record<string, unknown>) {
  const start = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels/mastodon/start`,
    as: owner,
    body,
  });
  expect(start.statusCode, start.body).toBe(200);
  const authorize = await fetch(start.json().authorizeUrl, { redirect: 'manual' });
  const back = new URL(authorize.headers.get('location')!);
  expect(back.origin + back.pathname).toBe('http://nahbar.test/api/channels/mastodon/callback');
  return call(t.app, { url: back.pathname + back.search, as: owner });
}

async function publishNow(text: string) {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: {
      text,
      language: 'de',
      targets: [{ channelId, contentWarning: 'Hinweis', visibility: 'unlisted' }],
      when: { mode: 'now' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().targets[0].id as string;
}

beforeAll(async () => {
  fake = await startMastodonFake({ instant: true });
  t = await createTestApp({
    worker: { sweepIntervalMs: 3_600_000 },
    config: { publishing: { leaseMs: 120_000, retryBaseMs: 100, sweepIntervalMs: 3_600_000 } },
  });
  ({ owner, orgId, email: ownerEmail } = await setUp(t.app));
  fake.setAuthorization({ account: 'jugendhilfe' });
  const done = await connectViaOAuth({ instanceUrl: fake.url });
  expect(done.statusCode).toBe(302);
  const location = done.headers.location as string;
  expect(location).toMatch(/^\/kanaele\?verbunden=/);
  channelId = location.split('=')[1]!;
});

afterAll(async () => {
  await fake?.close();
});

describe('Mastodon channel through the engine', () => {
  it('connects by OAuth: account, instance limits, credentials sealed at rest', async () => {
    const list = await call(t.app, { url: `/api/orgs/${orgId}/channels`, as: owner });
    const channel = list.json().find((c: { id: string }) => c.id === channelId);
    expect(channel).toMatchObject({
      network: 'mastodon',
      status: 'connected',
      limits: { maxChars: 500, counting: 'mastodon', contentWarning: true },
    });
    expect(channel.account.handle).toMatch(/^@jugendhilfe@/);
    const [row] = await t.db.select().from(channels).where(eq(channels.id, channelId));
    expect(row!.credentials).toMatch(/^v1\./);
    expect(JSON.stringify(list.json())).not.toContain(JSON.parse(t.deps.box.open(row!.credentials!)).accessToken);
  });

  it('refuses a callback whose state is unknown or was started by someone else', async () => {
    const res = await call(t.app, { url: '/api/channels/mastodon/callback?state=erfunden&code=x', as: owner });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toMatch(/fehler=oauth_failed/);
  });

  it('publishes with visibility, content warning, language and the Idempotency-Key', async () => {
    const id = await publishNow('Offene Sprechstunde am Dienstag https://beispiel.de/sprechstunde');
    const row = await until(() => targetOf(id), settled);
    expect(row.state).toBe('published');
    const status = fake.statuses('jugendhilfe').find((s) => s.idempotencyKey === `${id}:0`);
    expect(status).toMatchObject({ visibility: 'unlisted', spoilerText: 'Hinweis', sensitive: true, language: 'de' });
    expect(row.remoteId).toBe(status!.id);
  });

  it('retries 503s with backoff and publishes once', async () => {
    fake.failNext(2, 503, undefined, 'POST /api/v1/statuses');
    const id = await publishNow('Drei Anläufe');
    const row = await until(() => targetOf(id), settled);
    expect(row).toMatchObject({ state: 'published', attempts: 3 });
    expect(fake.statuses().filter((s) => s.text === 'Drei Anläufe')).toHaveLength(1);
  });

  it('does not post twice when the answer is lost after the instance stored the status', async () => {
    fake.acceptThenFail(1);
    const id = await publishNow('Antwort verloren');
    const row = await until(() => targetOf(id), settled);
    expect(row).toMatchObject({ state: 'published', attempts: 2 });
    expect(fake.statuses().filter((s) => s.text === 'Antwort verloren')).toHaveLength(1);
  });

  it('waits as long as Retry-After says on 429', async () => {
    fake.setRetryAfter(2);
    fake.failNext(1, 429, undefined, 'POST /api/v1/statuses');
    const id = await publishNow('Langsam bitte');
    const waiting = await until(
      () => targetOf(id),
      (r) => r.errorKind === 'transient',
    );
    expect(waiting.retryAt!.getTime() - waiting.errorAt!.getTime()).toBeGreaterThanOrEqual(2000);
    expect((await until(() => targetOf(id), settled)).state).toBe('published');
  });

  it('fails with the network’s own reason when the instance refuses the post', async () => {
    fake.setLimits({ maxCharacters: 20 });
    try {
      const id = await publishNow('Dieser Text ist länger als zwanzig Zeichen.');
      const row = await until(() => targetOf(id), settled);
      expect(row).toMatchObject({ state: 'failed', errorKind: 'rejected', attempts: 1 });
      const post = await call(t.app, { url: `/api/orgs/${orgId}/posts/${row.postId}`, as: owner });
      expect(post.json().targets[0].error.networkMessage).toMatch(/character limit of 20/);
    } finally {
      fake.setLimits({ maxCharacters: 500 });
    }
  });

  it('gives up after six transient failures, names the reason, marks the channel failing', async () => {
    fake.failNext(6, 503, undefined, 'POST /api/v1/statuses');
    const id = await publishNow('Geht nicht durch');
    const row = await until(() => targetOf(id), settled, 30_000);
    expect(row).toMatchObject({ state: 'failed', errorKind: 'transient', attempts: 6 });
    const [channel] = await t.db.select().from(channels).where(eq(channels.id, channelId));
    expect(channel!.status).toBe('failing');
    // The next success heals it.
    const ok = await publishNow('Wieder da');
    expect((await until(() => targetOf(ok), settled)).state).toBe('published');
    expect((await t.db.select().from(channels).where(eq(channels.id, channelId)))[0]!.status).toBe('connected');
  });

  it('stays below the channel’s documented rate limit instead of hammering the instance', async () => {
    // 250 writes in the last five minutes on this account: the budget is used up.
    await t.db.$client.query(
      `with p as (insert into posts (org_id, text) select $1, 'Last ' || g from generate_series(1, 250) g returning id)
       insert into post_targets (org_id, post_id, channel_id, state, last_attempt_at) select $1, p.id, $2, 'published', now() from p`,
      [orgId, channelId],
    );
    const before = fake.statuses().length;
    const id = await publishNow('Muss warten');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await targetOf(id)).state).toBe('scheduled');
    expect(fake.statuses().length).toBe(before);
    await t.db
      .update(postTargets)
      .set({ lastAttemptAt: new Date(Date.now() - 600_000) })
      .where(and(eq(postTargets.channelId, channelId), eq(postTargets.state, 'published')));
    await t.deps.jobs.sendPublish(id, new Date());
    expect((await until(() => targetOf(id), settled)).state).toBe('published');
  });

  it('reconciles a target whose worker died mid-call: found at the network → published, not posted again', async () => {
    const id = await publishNow('Absturz nach dem Senden');
    await until(() => targetOf(id), settled);
    // Rewind to "the worker called the instance, then died": the status exists, our row says publishing.
    await t.db
      .update(postTargets)
      .set({ state: 'publishing', leaseUntil: new Date(Date.now() - 1000), publishedAt: null })
      .where(eq(postTargets.id, id));
    const result = await sweep(t.deps);
    expect(result.reconciled).toBeGreaterThanOrEqual(1);
    expect((await targetOf(id)).state).toBe('published');
    expect(fake.statuses().filter((s) => s.text === 'Absturz nach dem Senden')).toHaveLength(1);
    const how = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'post.published')));
    expect(how.map((a) => (a.details as { how: string }).how)).toContain('reconciled');
  });

  it('reconciles a target whose worker died before the call: not found → published now', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as: owner,
      body: { text: 'Absturz vor dem Senden', targets: [{ channelId }], when: { mode: 'draft' } },
    });
    const id = res.json().targets[0].id;
    await t.db
      .update(postTargets)
      .set({
        state: 'publishing',
        dueAt: new Date(),
        attempts: 1,
        lastAttemptAt: new Date(),
        leaseUntil: new Date(Date.now() - 1000),
      })
      .where(eq(postTargets.id, id));
    const result = await sweep(t.deps);
    expect(result.requeued).toBeGreaterThanOrEqual(1);
    expect((await until(() => targetOf(id), settled)).state).toBe('published');
    expect(fake.statuses().filter((s) => s.text === 'Absturz vor dem Senden')).toHaveLength(1);
  });

  it('deletes a published status at the instance on takedown', async () => {
    const id = await publishNow('Bitte wieder löschen');
    const row = await until(() => targetOf(id), settled);
    await call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/targets/${id}/takedown`, as: owner });
    expect(
      (
        await until(
          () => targetOf(id),
          (r) => r.state === 'taken_down',
        )
      ).state,
    ).toBe('taken_down');
    expect(fake.statuses().find((s) => s.id === row.remoteId)).toBeUndefined();
  });

  it('on a revoked token: fails the post, asks for re-connect, mails the owner; re-connecting heals it', async () => {
    fake.failNext(1, 401, { error: 'The access token is invalid' }, 'POST /api/v1/statuses');
    const id = await publishNow('Token widerrufen');
    const row = await until(() => targetOf(id), settled);
    expect(row).toMatchObject({
      state: 'failed',
      errorKind: 'auth',
      errorNetworkMessage: 'The access token is invalid',
    });
    const list = await call(t.app, { url: `/api/orgs/${orgId}/channels`, as: owner });
    expect(list.json().find((c: { id: string }) => c.id === channelId)).toMatchObject({
      status: 'needs_reconnect',
      statusMessage: 'The access token is invalid',
    });
    // The mail is written right after the failure is recorded: wait for it rather than race it.
    const subjects = await until(
      async () => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, ownerEmail))).map((m) => m.subject),
      (all) => all.some((s) => /muss neu verbunden werden/.test(s)),
    );
    expect(subjects).toEqual(expect.arrayContaining([expect.stringMatching(/muss neu verbunden werden/)]));

    // A post for a channel that needs re-connecting fails at once, without calling the instance.
    const calls = fake.requests('POST /api/v1/statuses');
    const second = await publishNow('Kanal noch getrennt');
    expect((await until(() => targetOf(second), settled)).errorKind).toBe('auth');
    expect(fake.requests('POST /api/v1/statuses')).toBe(calls);

    const again = await connectViaOAuth({ instanceUrl: fake.url, channelId });
    expect(again.headers.location).toBe(`/kanaele?verbunden=${channelId}`);
    const retry = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/targets/${id}/schedule`,
      as: owner,
      body: { when: { mode: 'now' } },
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect((await until(() => targetOf(id), settled)).state).toBe('published');
  });

  it('never puts tokens into job payloads or logs', async () => {
    const [row] = await t.db.select().from(channels).where(eq(channels.id, channelId));
    const token = JSON.parse(t.deps.box.open(row!.credentials!)).accessToken as string;
    const jobs = await t.db.$client.query('select data::text from pgboss.job');
    expect(jobs.rows.map((r) => r.data).join('\n')).not.toContain(token);
    expect(t.logs.join('\n')).not.toContain(token);
    // and the adapter context is only built where it is used
    const [target] = await t.db.select().from(postTargets).where(eq(postTargets.channelId, channelId)).limit(1);
    const [post] = await t.db.select().from(posts).where(eq(posts.id, target!.postId));
    const input = await publishInput(
      t.deps,
      target!,
      post!,
      adapterFor(t.deps, 'mastodon').capabilities(row!.settings),
    );
    expect(JSON.stringify(input)).not.toContain(token);
    expect(contextFor(t.deps, row!).credentials.accessToken).toBe(token);
  });

  it('on disconnect: cancels what waits, deletes our token copy and revokes it at the instance', async () => {
    const [row] = await t.db.select().from(channels).where(eq(channels.id, channelId));
    const token = JSON.parse(t.deps.box.open(row!.credentials!)).accessToken as string;
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as: owner,
      body: {
        text: 'Morgen',
        targets: [{ channelId }],
        when: { mode: 'at', at: new Date(Date.now() + 86_400_000).toISOString() },
      },
    });
    const waiting = res.json().targets[0].id;
    expect(
      (await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/channels/${channelId}`, as: owner })).statusCode,
    ).toBe(204);
    expect((await targetOf(waiting)).state).toBe('cancelled');
    const verify = await fetch(`${fake.url}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(verify.status).toBe(401);
  });
});
