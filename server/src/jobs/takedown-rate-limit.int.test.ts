import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readInstance } from '../channels/mastodon/instance.ts';
import { channels, postTargets, takedownTasks } from '../db/schema/index.ts';
import { addConsent, createPerson, namePeople } from '../modules/consent/test-factories.ts';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { type MastodonFake, startMastodonFake } from '../test/mastodon-contract-fake.ts';
import { until } from '../test/wait.ts';

// Mastodon lets an account delete 30 statuses per 30 minutes. A person in more posts than that
// must still disappear from all of them: a 429 on a takedown waits for the window the network
// names (Retry-After) and comes back, without using up the job's retries or failing the task.
// The contract fake plays the limit at 2 deletions per 2 seconds.
let t: TestApp;
let fake: MastodonFake;
let owner: Browser;
let orgId: string;
let channelId: string;

beforeAll(async () => {
  fake = await startMastodonFake({ instant: true, deleteLimit: { max: 2, windowSeconds: 2 } });
  t = await createTestApp({ worker: { sweepIntervalMs: 3_600_000 } });
  ({ owner, orgId } = await setUp(t.app));
  const [channel] = await t.db
    .insert(channels)
    .values({
      orgId,
      network: 'mastodon',
      name: '@jugendhilfe',
      credentials: t.deps.box.seal(JSON.stringify({ accessToken: fake.issueToken('jugendhilfe') })),
      settings: await readInstance(fake.url),
      status: 'connected',
    })
    .returning();
  channelId = channel!.id;
});
afterAll(() => fake.close());

it('takes a person down from more posts than the network lets it delete at once, waiting for each window', async () => {
  const lena = await createPerson(t.db, orgId, { displayName: 'Lena' });
  const consent = await addConsent(t.db, orgId, lena.id, { purpose: 'social_media' });
  const targetIds: string[] = [];
  for (let i = 1; i <= 5; i += 1) {
    const created = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as: owner,
      body: { text: `Lena beim Ferienlager, Tag ${i}`, targets: [{ channelId }], when: { mode: 'draft' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    await namePeople(t.db, orgId, created.json().id, [lena.id]);
    const published = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts/${created.json().id}/schedule`,
      as: owner,
      body: { when: { mode: 'now' } },
    });
    expect(published.statusCode, published.body).toBe(200);
    targetIds.push(created.json().targets[0].id);
  }
  const states = async () =>
    (await t.db.select({ id: postTargets.id, state: postTargets.state }).from(postTargets)).filter((r) =>
      targetIds.includes(r.id),
    );
  await until(states, (rows) => rows.every((r) => r.state === 'published'));
  expect(fake.statuses('jugendhilfe')).toHaveLength(5);

  const withdrawn = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/consents/${consent.id}/withdraw`,
    as: owner,
    body: { on: new Date().toISOString().slice(0, 10), by: 'person', how: 'email', note: null },
  });
  expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  expect(withdrawn.json()).toMatchObject({ takedowns: 5 });

  const after = await until(states, (rows) => rows.every((r) => r.state === 'taken_down'), 20_000);
  expect(after.map((r) => r.state)).toEqual(Array(5).fill('taken_down'));
  expect(fake.statuses('jugendhilfe')).toEqual([]);
  // The network refused some deletions for a while; none of them became a failed task.
  expect(fake.requests('DELETE /api/v1/statuses/:id')).toBeGreaterThan(5);
  const tasks = await t.db.select().from(takedownTasks).where(eq(takedownTasks.personId, lena.id));
  expect(tasks.map((task) => task.state)).toEqual(Array(5).fill('done'));
});
