import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AtpAgent } from '@atproto/api';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSecretBox } from '../crypto/secret-box.ts';
import { postTargets } from '../db/schema/index.ts';
import { type BlueskyNetwork, startBlueskyNetwork, type TestAccount } from '../test/bluesky-network.ts';
import { type FlakyProxy, startFlakyProxy } from '../test/flaky-proxy.ts';
import { call, createTestApp, setUp, type TestApp } from '../test/harness.ts';

// Chaos: worker processes are SIGKILLed again and again while the path to the real Bluesky PDS
// fails a fifth of the writes (half of them after the PDS stored the post). Afterwards every
// target is published exactly once — counted on the PDS — or failed with a reason.
const TARGETS = Number(process.env.CHAOS_TARGETS ?? 200);
const KILLS = 8;
const KEY = randomBytes(32);

let t: TestApp;
let network: BlueskyNetwork;
let account: TestAccount;
let proxy: FlakyProxy;
let worker: ChildProcess | undefined;

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, '../main.ts'), 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: t.databaseUrl,
      NAHBAR_SECRET_KEY: KEY.toString('base64'),
      PUBLIC_URL: 'http://nahbar.test',
      LOG_LEVEL: 'error',
      NAHBAR_PUBLISH_LEASE_SECONDS: '3',
      NAHBAR_PUBLISH_RETRY_SECONDS: '1',
      NAHBAR_SWEEP_SECONDS: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

beforeAll(async () => {
  t = await createTestApp({ deps: { box: createSecretBox(KEY) } });
  network = await startBlueskyNetwork();
  account = await network.createAccount('chaos');
  // Only record writes and blob uploads fail; sign-in and reads pass, as in a real outage.
  proxy = await startFlakyProxy(network.pdsUrl, {
    failRate: 0.2,
    matches: (method, url) =>
      method === 'POST' && /com\.atproto\.repo\.(createRecord|uploadBlob|applyWrites)/.test(url),
  });
}, 180_000);

afterAll(async () => {
  worker?.kill('SIGKILL');
  await proxy?.close();
  await network?.close();
});

it(`publishes ${TARGETS} posts exactly once through ${KILLS} worker crashes and a flaky network`, async () => {
  const { owner, orgId } = await setUp(t.app);
  const connected = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels`,
    as: owner,
    body: { network: 'bluesky', handle: account.handle, appPassword: account.appPassword, service: proxy.url },
  });
  expect(connected.statusCode, connected.body).toBe(201);
  const channelId = connected.json().id;

  const targetIds: string[] = [];
  const texts = new Map<string, string>();
  for (let i = 0; i < TARGETS; i += 1) {
    const text = `Chaos-Beitrag ${i} ${randomBytes(4).toString('hex')}`;
    // Due over the next ten seconds, so crashes land before, during and after due times.
    const at = new Date(Date.now() + (i % 10) * 1000).toISOString();
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as: owner,
      body: { text, targets: [{ channelId }], when: { mode: 'at', at } },
    });
    expect(res.statusCode, res.body).toBe(201);
    targetIds.push(res.json().targets[0].id);
    texts.set(res.json().targets[0].id, text);
  }

  for (let kill = 0; kill < KILLS; kill += 1) {
    worker = startWorkerProcess();
    await new Promise((r) => setTimeout(r, 1500 + Math.random() * 2500));
    worker.kill('SIGKILL');
    await new Promise((r) => worker?.once('exit', r));
  }
  worker = startWorkerProcess();

  const deadline = Date.now() + 240_000;
  let rows = await t.db.select().from(postTargets).where(inArray(postTargets.id, targetIds));
  while (rows.some((r) => r.state === 'scheduled' || r.state === 'publishing') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    rows = await t.db.select().from(postTargets).where(inArray(postTargets.id, targetIds));
  }
  worker.kill('SIGKILL');

  // Count on the PDS itself, not in our database.
  const agent = new AtpAgent({ service: network.pdsUrl });
  const onPds = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await agent.com.atproto.repo.listRecords({
      repo: account.did,
      collection: 'app.bsky.feed.post',
      limit: 100,
      cursor,
    });
    for (const record of page.data.records) {
      const text = (record.value as { text: string }).text;
      onPds.set(text, (onPds.get(text) ?? 0) + 1);
    }
    cursor = page.data.cursor;
  } while (cursor);

  const states: Record<string, number> = {};
  for (const r of rows) states[r.state] = (states[r.state] ?? 0) + 1;
  console.log(
    `chaos: ${JSON.stringify(states)}; proxy ${JSON.stringify(proxy.stats)}; records on PDS ${[...onPds.values()].reduce((a, b) => a + b, 0)}`,
  );
  for (const row of rows.filter((r) => r.state !== 'published' && r.state !== 'failed').slice(0, 3)) {
    console.log('unsettled', JSON.stringify(row));
  }
  for (const row of rows) {
    const count = onPds.get(texts.get(row.id)!) ?? 0;
    if (row.state === 'published') {
      expect(count, `published target ${row.id} on the PDS`).toBe(1);
      expect(row.remoteId).toMatch(/^at:\/\//);
    } else {
      expect(row.state, `target ${row.id}`).toBe('failed');
      expect(row.errorMessage).toBeTruthy();
      expect(count, `failed target ${row.id} must not be on the PDS`).toBe(0);
    }
  }
  expect([...onPds.values()].every((n) => n === 1)).toBe(true);
  expect(states.published).toBeGreaterThan(TARGETS * 0.9);
  expect(proxy.stats.failedAfter).toBeGreaterThan(0);
}, 600_000);
