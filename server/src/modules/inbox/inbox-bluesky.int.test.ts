import { AtpAgent, RichText } from '@atproto/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postTargets } from '../../db/schema/index.ts';
import { type BlueskyNetwork, startBlueskyNetwork, type TestAccount } from '../../test/bluesky-network.ts';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { until } from '../../test/wait.ts';

// The inbox through the whole product on a real local Bluesky network (PLC, PDS, AppView):
// we publish through the engine, someone replies and someone mentions us, one fetch brings both
// into the inbox linked to our post, and our answer from the inbox lands in the thread.
let t: TestApp;
let network: BlueskyNetwork;
let us: TestAccount;
let bob: TestAccount;
let carol: TestAccount;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  network = await startBlueskyNetwork();
  [us, bob, carol] = [
    await network.createAccount('kita'),
    await network.createAccount('bob'),
    await network.createAccount('carol'),
  ];
  t = await createTestApp({ worker: { sweepIntervalMs: 3_600_000 } });
  ({ owner, orgId } = await setUp(t.app));
}, 120_000);

afterAll(async () => {
  await network?.close();
}, 60_000);

async function agentOf(account: TestAccount) {
  const agent = new AtpAgent({ service: network.pdsUrl });
  await agent.login({ identifier: account.handle, password: account.password });
  return agent;
}

it('brings a reply and a mention into the inbox with one fetch, and our answer lands in the thread', async () => {
  const channel = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels`,
    as: owner,
    body: { network: 'bluesky', handle: us.handle, appPassword: us.appPassword, service: network.pdsUrl },
  });
  expect(channel.statusCode, channel.body).toBe(201);
  const channelId = channel.json().id as string;

  const posted = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: {
      text: 'Am Samstag ist Sommerfest in der Kita Sonnenschein!',
      targets: [{ channelId }],
      when: { mode: 'now' },
    },
  });
  const targetId = posted.json().targets[0].id as string;
  const target = await until(
    async () => (await t.db.select().from(postTargets).where(eq(postTargets.id, targetId)))[0]!,
    (row) => row.state === 'published',
  );
  expect(target.state).toBe('published');
  await network.processAll();

  // Bob asks under our post; Carol mentions us in a post of her own.
  const bobAgent = await agentOf(bob);
  const rootRef = {
    uri: target.remoteId!,
    cid: (await bobAgent.getPost({ repo: us.did, rkey: target.remoteId!.split('/').pop()! })).cid,
  };
  const question = await bobAgent.post({
    text: 'Ab wann geht es los? Dürfen Geschwister mitkommen?',
    reply: { root: rootRef, parent: rootRef },
  });
  const carolAgent = await agentOf(carol);
  const mention = new RichText({ text: `Danke @${us.handle} für die Einladung!` });
  await mention.detectFacets(carolAgent);
  await carolAgent.post({ text: mention.text, facets: mention.facets });
  await network.processAll();

  const fetched = await call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/inbox/fetch`, as: owner, body: {} });
  expect(fetched.statusCode, fetched.body).toBe(200);
  expect(fetched.json().fetched).toBe(2);

  const list = await call(t.app, { url: `/api/orgs/${orgId}/inbox`, as: owner });
  const items = list.json().items as {
    id: string;
    kind: string;
    text: string;
    post: { id: string } | null;
    classes: string[];
  }[];
  const reply = items.find((i) => i.kind === 'reply')!;
  expect(reply).toMatchObject({
    text: expect.stringContaining('Ab wann'),
    post: { id: posted.json().id },
    classes: ['question'],
  });
  expect(items.find((i) => i.kind === 'mention')).toMatchObject({
    text: expect.stringContaining('Danke'),
    classes: ['praise'],
  });

  const answered = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/inbox/${reply.id}/replies`,
    as: owner,
    body: { text: 'Ab 14 Uhr – und Geschwister sind herzlich willkommen!' },
  });
  expect(answered.statusCode, answered.body).toBe(201);
  await network.processAll();
  const thread = await network.thread(question.uri);
  const replies =
    (thread as { replies?: { post: { author: { handle: string }; record: { text: string } } }[] }).replies ?? [];
  expect(replies.map((r) => [r.post.author.handle, r.post.record.text])).toEqual([
    [us.handle, 'Ab 14 Uhr – und Geschwister sind herzlich willkommen!'],
  ]);
  const after = await call(t.app, { url: `/api/orgs/${orgId}/inbox/${reply.id}/thread`, as: owner });
  expect(after.json().item).toMatchObject({ status: 'answered' });
  expect(after.json().replies[0]).toMatchObject({ state: 'sent' });

  // Our own answer is not fetched back as something to answer.
  await network.processAll();
  const again = await call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/inbox/fetch`, as: owner, body: {} });
  expect(again.json().fetched).toBe(0);
}, 120_000);
