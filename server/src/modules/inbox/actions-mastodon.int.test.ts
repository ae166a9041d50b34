import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { type MastodonFake, startMastodonFake } from '../../test/mastodon-contract-fake.ts';
import { channelRow } from '../channels/service.ts';
import { storeFetched } from './test-factories.ts';

// Answering from the inbox against the Mastodon contract fake (no Mastodon server runs here):
// the answer is threaded and names the author; network failures leave the item open.
let t: TestApp;
let fake: MastodonFake;
let owner: Browser;
let orgId: string;
let channelId: string;
let ourStatus: string;

const base = () => `/api/orgs/${orgId}/inbox`;

async function connectViaOAuth() {
  const start = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels/mastodon/start`,
    as: owner,
    body: { instanceUrl: fake.url },
  });
  expect(start.statusCode, start.body).toBe(200);
  const authorize = await fetch(start.json().authorizeUrl, { redirect: 'manual' });
  const back = new URL(authorize.headers.get('location') as string);
  const done = await call(t.app, { url: back.pathname + back.search, as: owner });
  return (done.headers.location as string).split('=')[1] as string;
}

/** Someone answers our status; the item is stored as ingest stores what fetchInbox returns. */
async function lenaAsks(text: string): Promise<{ id: string; statusId: string }> {
  const statusId = fake.postAs('lena', { text, inReplyToId: ourStatus });
  return { id: await storeFetched(t, orgId, channelId, statusId), statusId };
}

const itemRow = async (id: string) =>
  (await t.db.$client.query('select status, answered_at, response_ms from inbox_items where id = $1', [id])).rows[0];

beforeAll(async () => {
  fake = await startMastodonFake({ instant: true });
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  fake.setAuthorization({ account: 'jugendhilfe' });
  channelId = await connectViaOAuth();
  ourStatus = fake.postAs('jugendhilfe', { text: 'Unser Sommerfest ist am Samstag!' });
});

afterAll(async () => {
  await fake?.close();
});

describe('replying on Mastodon', () => {
  it('answers in the thread, naming the author, and marks the item answered with its response time', async () => {
    const template = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/reply-templates`,
      as: owner,
      body: { name: 'Uhrzeit', body: 'Hallo {{autor}}, ab {{uhrzeit}}.' },
    });
    const item = await lenaAsks('Ab wann geht es los?');
    t.advance(45 * 60_000);
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/replies`,
      as: owner,
      body: { text: 'Hallo Lena, ab 14 Uhr.', templateId: template.json().id },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'sent', authorName: 'Olga Owner', error: null });

    const sent = fake.statuses('jugendhilfe').filter((s) => s.inReplyToId === item.statusId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      text: expect.stringMatching(/^@lena\b.*Hallo Lena, ab 14 Uhr\.$/),
      mentions: ['lena'],
      language: 'de',
      idempotencyKey: `${res.json().id}:0`,
    });
    expect(res.json().url).toContain(sent[0]?.id);

    const thread = (await call(t.app, { url: `${base()}/${item.id}/thread`, as: owner })).json();
    expect(thread.item).toMatchObject({ status: 'answered', responseMinutes: 45 });
    expect(thread.replies).toMatchObject([{ state: 'sent', text: 'Hallo Lena, ab 14 Uhr.' }]);
    expect(thread.moderation.canHide).toBe(false);
    expect(thread.moderation.links.report).toEqual(expect.any(String));

    const audit = await t.db.$client.query(`select details from audit_log where action = 'inbox.replied'`);
    expect(audit.rows[0].details).toMatchObject({
      itemId: item.id,
      replyId: res.json().id,
      templateId: template.json().id,
    });

    // A second answer keeps the first answer's time.
    const first = await itemRow(item.id);
    t.advance(60 * 60_000);
    const again = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/replies`,
      as: owner,
      body: { text: 'Nachtrag: Eintritt frei.' },
    });
    expect(again.statusCode).toBe(201);
    expect(await itemRow(item.id)).toEqual(first);
  });

  it('a network outage: 502 with the network’s words, the reply failed, the item still open', async () => {
    const item = await lenaAsks('Gibt es Parkplätze?');
    fake.failNext(1, 503, { error: 'Wartungsarbeiten' }, 'POST /api/v1/statuses');
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/replies`,
      as: owner,
      body: { text: 'Ja, hinter dem Haus.' },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toMatchObject({
      code: 'inbox_reply_unreachable',
      details: { networkMessage: 'Wartungsarbeiten' },
    });
    expect(await itemRow(item.id)).toEqual({ status: 'open', answered_at: null, response_ms: null });
    const thread = (await call(t.app, { url: `${base()}/${item.id}/thread`, as: owner })).json();
    expect(thread.replies).toMatchObject([{ state: 'failed', error: 'Wartungsarbeiten', url: null }]);
  });

  it('a refusal: 422 with the instance’s reason', async () => {
    const item = await lenaAsks('Darf ich meinen Hund mitbringen?');
    fake.failNext(1, 422, { error: 'Validation failed: Text zu lang' }, 'POST /api/v1/statuses');
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/replies`,
      as: owner,
      body: { text: 'Ja, gerne.' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'inbox_reply_rejected',
      details: { networkMessage: 'Validation failed: Text zu lang' },
    });
    expect((await itemRow(item.id)).status).toBe('open');
  });

  it('hiding is not offered by Mastodon: evidence kept, 409 pointing to the moderation links', async () => {
    const item = await lenaAsks('Ihr seid unfähig.');
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/moderate`,
      as: owner,
      headers: { 'accept-language': 'en' },
      body: { action: 'hide', reason: 'Insult' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'inbox_hide_unsupported',
      details: { evidenceId: expect.any(String) },
    });
    const evidence = await t.db.$client.query('select text from inbox_evidence where item_id = $1', [item.id]);
    expect(evidence.rows).toHaveLength(1);
  });

  it('a revoked token: 409, the channel needs reconnecting, the item stays open', async () => {
    const item = await lenaAsks('Hallo?');
    const channel = await channelRow(t.db, orgId, channelId);
    fake.revokeToken(JSON.parse(t.deps.box.open(channel.credentials ?? '')).accessToken);
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${item.id}/replies`,
      as: owner,
      body: { text: 'Hallo!' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('inbox_channel_needs_reconnect');
    expect((await channelRow(t.db, orgId, channelId)).status).toBe('needs_reconnect');
    expect((await itemRow(item.id)).status).toBe('open');
  });
});
