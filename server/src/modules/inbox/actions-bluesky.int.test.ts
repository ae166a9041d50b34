import { AtpAgent, AtUri } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../channels/contract.ts';
import { type BlueskyNetwork, startBlueskyNetwork, type TestAccount } from '../../test/bluesky-network.ts';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { adapterFor, contextFor, sealCredentials } from '../channels/access.ts';
import { channelRow } from '../channels/service.ts';

// Replying and hiding against a real local Bluesky PDS: alice is our channel, bob answers her
// post. Items are written directly (ingest is tested elsewhere); everything after is real.
let network: BlueskyNetwork;
let alice: TestAccount;
let bob: TestAccount;
let bobAgent: AtpAgent;
let t: TestApp;
let owner: Browser;
let orgId: string;
let channelId: string;
let ourPost: { uri: string; cid: string };
let targetId: string;

const base = () => `/api/orgs/${orgId}/inbox`;

async function setCredentials(change: (c: Credentials) => Credentials) {
  const row = await channelRow(t.db, orgId, channelId);
  const current = JSON.parse(t.deps.box.open(row.credentials ?? '')) as Credentials;
  await t.db.$client.query('update channels set credentials = $1 where id = $2', [
    sealCredentials(t.deps.box, change(current)),
    channelId,
  ]);
}

/** Bob answers our post at the PDS; the item is what fetchInbox would store for it. */
async function bobAnswers(text: string) {
  const ref = await bobAgent.post({ text, reply: { root: ourPost, parent: ourPost } });
  const record = { $type: 'app.bsky.feed.post', text, reply: { root: ourPost, parent: ourPost } };
  const rows = await t.db.$client.query<{ id: string }>(
    `insert into inbox_items (org_id, channel_id, remote_id, kind, text, author_id, author_handle, url, received_at,
       root_remote_id, parent_remote_id, post_target_id, raw, due_at)
     values ($1, $2, $3, 'reply', $4, $5, $6, $7, $8, $9, $9, $10, $11, $12) returning id`,
    [
      orgId,
      channelId,
      ref.uri,
      text,
      bob.did,
      bob.handle,
      `https://bsky.app/profile/${bob.handle}/post/${new AtUri(ref.uri).rkey}`,
      new Date(Date.now() - 20 * 60_000),
      ourPost.uri,
      targetId,
      JSON.stringify({ uri: ref.uri, cid: ref.cid, record }),
      new Date(Date.now() + 60 * 60_000),
    ],
  );
  return { id: rows.rows[0]!.id, uri: ref.uri };
}

async function threadgate() {
  const rkey = new AtUri(ourPost.uri).rkey;
  const res = await bobAgent.com.atproto.repo.getRecord({
    repo: alice.did,
    collection: 'app.bsky.feed.threadgate',
    rkey,
  });
  return res.data.value as { hiddenReplies?: string[]; createdAt: string };
}

beforeAll(async () => {
  network = await startBlueskyNetwork({ appView: false });
  [alice, bob] = [await network.createAccount('alice'), await network.createAccount('bob')];
  bobAgent = new AtpAgent({ service: network.pdsUrl });
  await bobAgent.login({ identifier: bob.handle, password: bob.password });
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  const connected = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels`,
    as: owner,
    body: { network: 'bluesky', handle: alice.handle, appPassword: alice.appPassword, service: network.pdsUrl },
  });
  expect(connected.statusCode, connected.body).toBe(201);
  channelId = connected.json().id;

  // Our post, published at the PDS and recorded as the engine would.
  const draft = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: { text: 'Unser Sommerfest ist am Samstag!', targets: [{ channelId }], when: { mode: 'draft' } },
  });
  targetId = draft.json().targets[0].id;
  const channel = await channelRow(t.db, orgId, channelId);
  const published = await adapterFor(t.deps, 'bluesky').publish(
    {
      idempotencyKey: targetId,
      parts: ['Unser Sommerfest ist am Samstag!'],
      media: [],
      language: 'de',
      contentWarning: null,
      visibility: 'public',
      createdAt: new Date(),
    },
    contextFor(t.deps, channel),
  );
  await t.db.$client.query(
    `update post_targets set state = 'published', remote_id = $1, remote_parts = $2, remote_url = $3, published_at = now()
     where id = $4`,
    [published.remoteId, JSON.stringify(published.parts), published.url, targetId],
  );
  const at = new AtUri(published.remoteId);
  const record = await bobAgent.com.atproto.repo.getRecord({ repo: at.host, collection: at.collection, rkey: at.rkey });
  ourPost = { uri: published.remoteId, cid: record.data.cid ?? '' };
}, 120_000);

afterAll(async () => {
  await network?.close();
}, 60_000);

describe('replying on Bluesky', () => {
  it('answers under the reply in the same thread and marks the item answered with its response time', async () => {
    const item = await bobAnswers('Ab wann geht es los?');
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/replies`,
      as: owner,
      body: { text: 'Ab 14 Uhr, wir freuen uns auf Sie!' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'sent', authorName: 'Olga Owner', error: null, url: expect.any(String) });

    const records = await bobAgent.com.atproto.repo.listRecords({ repo: alice.did, collection: 'app.bsky.feed.post' });
    const answer = records.data.records.find((r) => (r.value as { text: string }).text.startsWith('Ab 14 Uhr'));
    expect(answer?.value).toMatchObject({
      reply: { parent: { uri: item.uri }, root: { uri: ourPost.uri } },
      langs: ['de'],
    });

    const thread = (await call(t.app, { url: `${base()}/${item.id}/thread`, as: owner })).json();
    expect(thread.item).toMatchObject({ status: 'answered', overdue: false });
    expect(thread.item.responseMinutes).toBeGreaterThanOrEqual(20);
    expect(thread.replies).toMatchObject([{ state: 'sent', text: 'Ab 14 Uhr, wir freuen uns auf Sie!' }]);
    expect(thread.moderation.canHide).toBe(true);
  });
});

describe('hiding on Bluesky', () => {
  it('keeps the evidence when the network refuses (revoked app password), marks the channel, hides nothing', async () => {
    const item = await bobAnswers('Ihr seid alle Versager.');
    await setCredentials((c) => ({ ...c, appPassword: 'abcd-efgh-ijkl-mnop' }));
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/moderate`,
      as: owner,
      body: { action: 'hide', reason: 'Beleidigung' },
    });
    await setCredentials((c) => ({ ...c, appPassword: alice.appPassword }));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'inbox_channel_needs_reconnect' });
    const evidence = await t.db.$client.query('select id, text from inbox_evidence where item_id = $1', [item.id]);
    expect(evidence.rows).toEqual([{ id: res.json().error.details.evidenceId, text: 'Ihr seid alle Versager.' }]);
    const channel = await channelRow(t.db, orgId, channelId);
    expect(channel.status).toBe('needs_reconnect');
    await t.db.$client.query(`update channels set status = 'connected' where id = $1`, [channelId]);
    const thread = (await call(t.app, { url: `${base()}/${item.id}/thread`, as: owner })).json();
    expect(thread.item.hiddenAt).toBeNull();
  });

  it('stores evidence before the network call, then hides the reply through the threadgate', async () => {
    const item = await bobAnswers('Euch sollte man alle einsperren.');
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/moderate`,
      as: owner,
      body: { action: 'hide', reason: 'Bedrohung, Anzeige wird geprüft' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const thread = res.json();
    expect(thread.item.hiddenAt).not.toBeNull();
    expect(thread.evidence).toHaveLength(1);

    const gate = await threadgate();
    expect(gate.hiddenReplies).toContain(item.uri);
    const captured = new Date(thread.evidence[0].capturedAt).getTime();
    const gateWritten = await t.db.$client.query<{ at: Date }>(
      `select created_at as at from audit_log where action = 'inbox.hidden' and target_id = $1`,
      [item.id],
    );
    // The evidence's transaction committed before the threadgate was written, and the
    // hidden mark came after both.
    expect(captured).toBeLessThanOrEqual(new Date(gate.createdAt).getTime());
    expect(captured).toBeLessThanOrEqual(gateWritten.rows[0]!.at.getTime());

    const stored = await t.db.$client.query('select raw, remote_url from inbox_evidence where item_id = $1', [item.id]);
    expect(stored.rows[0]).toMatchObject({ raw: { uri: item.uri }, remote_url: expect.stringContaining(bob.handle) });
    // "Hide, don't delete": the reply is still at the PDS and still in our inbox.
    const at = new AtUri(item.uri);
    await expect(
      bobAgent.com.atproto.repo.getRecord({ repo: at.host, collection: at.collection, rkey: at.rkey }),
    ).resolves.toBeTruthy();
  });
});
