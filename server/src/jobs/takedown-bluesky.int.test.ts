import { AtpAgent } from '@atproto/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postTargets } from '../db/schema/index.ts';
import { addConsent, createPerson, reviewImage } from '../modules/consent/test-factories.ts';
import { createImage } from '../modules/feeds/test-factories.ts';
import { type BlueskyNetwork, startBlueskyNetwork, type TestAccount } from '../test/bluesky-network.ts';
import { addMember, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { until } from '../test/wait.ts';

// The promise end to end: a post showing a person goes out to a real Bluesky PDS; the
// person withdraws consent; the record is gone from the PDS within the bounded wait, and the
// takedown report says so. Target: every automatic takedown done within 5 minutes.
const BOUND_MS = 60_000;

let t: TestApp;
let network: BlueskyNetwork;
let account: TestAccount;

beforeAll(async () => {
  t = await createTestApp({ worker: { sweepIntervalMs: 3_600_000 } });
  network = await startBlueskyNetwork({ appView: false });
  account = await network.createAccount('takedown');
}, 180_000);

afterAll(async () => {
  await network?.close();
});

async function postsOnPds(): Promise<string[]> {
  const agent = new AtpAgent({ service: network.pdsUrl });
  const page = await agent.com.atproto.repo.listRecords({
    repo: account.did,
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  return page.data.records.map((r) => r.uri);
}

it('takes a published post down from the PDS after the consent is withdrawn', async () => {
  const { owner, orgId } = await setUp(t.app);
  const officer = await addMember(t, owner, orgId, ['privacy_officer']);
  const connected = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels`,
    as: owner,
    body: { network: 'bluesky', handle: account.handle, appPassword: account.appPassword, service: network.pdsUrl },
  });
  expect(connected.statusCode, connected.body).toBe(201);
  const person = await createPerson(t.db, orgId, { displayName: 'Noah', birthDate: '2011-08-20', guardians: 1 });
  const consent = await addConsent(t.db, orgId, person.id, {
    networks: ['bluesky'],
    givenBy: ['person', 'guardian_1'],
  });
  const image = await createImage(t.db, orgId);
  await reviewImage(t.db, orgId, image.id, 'tagged', [person.id]);

  const created = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: {
      text: 'Noah beim Klettern in der Halle',
      media: [{ mediaId: image.id, alt: 'Ein Jugendlicher an der Kletterwand' }],
      targets: [{ channelId: connected.json().id }],
      when: { mode: 'now' },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const targetId = created.json().targets[0].id;
  const published = await until(
    async () => (await t.db.select().from(postTargets).where(eq(postTargets.id, targetId)))[0]!,
    (row) => row.state === 'published',
    30_000,
  );
  expect(published.state).toBe('published');
  expect(await postsOnPds()).toContain(published.remoteId);

  const started = Date.now();
  const withdrawn = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/consents/${consent.id}/withdraw`,
    as: officer,
    body: { on: new Date().toISOString().slice(0, 10), by: 'guardian_1', how: 'written' },
  });
  expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  expect(withdrawn.json()).toMatchObject({ takedowns: 1, stoppedTargets: 0, manualTasks: 0 });
  const remaining = await until(postsOnPds, (uris) => !uris.includes(published.remoteId!), BOUND_MS);
  const goneAfterMs = Date.now() - started;
  expect(remaining).not.toContain(published.remoteId);
  console.log(`takedown: withdrawal → gone from the PDS in ${goneAfterMs} ms`);

  const report = await until(
    async () => (await call(t.app, { url: `/api/orgs/${orgId}/takedowns`, as: officer })).json(),
    (r: { items: { state: string }[] }) => r.items[0]?.state === 'done',
  );
  expect(report.items).toEqual([
    expect.objectContaining({
      targetId,
      kind: 'automatic',
      state: 'done',
      network: 'bluesky',
      personName: 'Noah',
      remoteUrl: published.remoteUrl,
    }),
  ]);
  expect((await t.db.select().from(postTargets).where(eq(postTargets.id, targetId)))[0]!.state).toBe('taken_down');
}, 120_000);
