// npm run bench:takedown — how long a withdrawal takes to take a person's posts down everywhere.
// A person named in 100 published posts, each out on two Mastodon accounts (the contract fake,
// instant) and on the website feed. Both consents (social media, website) are withdrawn through
// the API; a worker process (`nahbar worker`) deletes at the peer. Measured: from the first
// withdrawal request to every takedown task done, and that nothing is left at the peer or in the
// feed. Target (issue: people and consent): all automatic takedowns done within 5 minutes.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readInstance } from '../server/src/channels/mastodon/instance.ts';
import { createSecretBox } from '../server/src/crypto/secret-box.ts';
import { PUBLISH_QUEUE } from '../server/src/jobs/queue.ts';
import { addConsent, createPerson, namePeople } from '../server/src/modules/consent/test-factories.ts';
import { createFeedChannel } from '../server/src/modules/feeds/test-factories.ts';
import { startMastodonFake } from '../server/src/test/mastodon-contract-fake.ts';
import { appendBenchmarkRow, percentile, startBenchApp, startBenchDatabase } from './bench-common.ts';

const root = path.resolve(import.meta.dirname, '..');
const POSTS = Number(process.env.BENCH_POSTS ?? 100);
const ACCOUNTS = ['jugendhilfe', 'kita_sonnenschein'];
const TARGET_MS = 5 * 60_000;

const bench = await startBenchDatabase('takedown', 8);
const { url, db, jobs } = bench;
const q = <R extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
  db.$client.query<R>(text, values);
const key = randomBytes(32);
const box = createSecretBox(key);
const fake = await startMastodonFake({ instant: true });
const settings = await readInstance(fake.url);
const { app, orgId, headers } = await startBenchApp(bench, { allowPrivateNetworks: true });
let worker: ChildProcess | undefined;

async function waitFor(read: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await read()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
const count = async (text: string, values: unknown[] = []) => Number((await q<{ n: string }>(text, values)).rows[0]!.n);

try {
  const feed = await createFeedChannel(db, orgId);
  const channelIds = [feed.id];
  for (const account of ACCOUNTS) {
    const credentials = box.seal(JSON.stringify({ accessToken: fake.issueToken(account) }));
    const { rows } = await q<{ id: string }>(
      `insert into channels (org_id, network, name, credentials, settings, status)
       values ($1, 'mastodon', $2, $3, $4, 'connected') returning id`,
      [orgId, `@${account}`, credentials, JSON.stringify(settings)],
    );
    channelIds.push(rows[0]!.id);
  }
  const person = await createPerson(db, orgId, { displayName: 'Lena K.' });
  const socialMedia = await addConsent(db, orgId, person.id, { purpose: 'social_media' });
  const website = await addConsent(db, orgId, person.id, { purpose: 'website' });

  // 100 posts naming Lena, published by the engine as usual, so the statuses exist at the peer.
  const { rows: posts } = await q<{ id: string }>(
    `insert into posts (org_id, text) select $1, 'Lena erzählt vom Ferienlager, Teil ' || g from generate_series(1, $2) g
     returning id`,
    [orgId, POSTS],
  );
  for (const post of posts) await namePeople(db, orgId, post.id, [person.id]);
  const { rows: targets } = await q<{ id: string }>(
    `insert into post_targets (org_id, post_id, channel_id, state, due_at)
     select $1, p, c, 'scheduled', now() from unnest($2::uuid[]) p, unnest($3::uuid[]) c returning id`,
    [orgId, posts.map((p) => p.id), channelIds],
  );
  await jobs.boss.insert(
    PUBLISH_QUEUE,
    targets.map((t) => ({ data: { targetId: t.id }, singletonKey: t.id })),
  );
  worker = spawn(process.execPath, [path.join(root, 'server/src/main.ts'), 'worker'], {
    env: { ...process.env, DATABASE_URL: url, NAHBAR_SECRET_KEY: key.toString('base64'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const allOut = await waitFor(
    async () => (await count("select count(*) n from post_targets where state = 'published'")) === targets.length,
    120_000,
  );
  if (!allOut) throw new Error('the posts were not all published; see the worker log');
  const atPeer = fake.statuses().length;

  // The withdrawal: both consents, as the privacy officer records a letter.
  const today = new Date().toISOString().slice(0, 10);
  const started = Date.now();
  let takedowns = 0;
  for (const consent of [socialMedia, website]) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/consents/${consent.id}/withdraw`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ on: today, by: 'person', how: 'written', note: 'Brief vom Montag' }),
    });
    if (response.statusCode !== 200) throw new Error(`withdrawal refused: ${response.body}`);
    takedowns += (response.json() as { takedowns: number }).takedowns;
  }
  const answeredMs = Date.now() - started;
  const done = await waitFor(
    async () => (await count("select count(*) n from takedown_tasks where state <> 'done'")) === 0,
    TARGET_MS + 60_000,
  );
  const allDoneMs = Date.now() - started;
  const { rows: finished } = await q<{ ms: number }>(
    `select extract(epoch from done_at - requested_at) * 1000 as ms from takedown_tasks where state = 'done' order by 1`,
  );
  const perTask = finished.map((r) => Number(r.ms)).sort((a, b) => a - b);
  const left = fake.statuses().length;
  const inFeed = ((await app.inject({ url: `/feeds/${feed.id}/feed.json` })).json() as { items: unknown[] }).items
    .length;
  const takenDown = await count("select count(*) n from post_targets where state = 'taken_down'");

  const result =
    `person named in ${POSTS} posts × ${channelIds.length} channels (${ACCOUNTS.length} Mastodon accounts + website feed): ` +
    `${takedowns} takedowns, withdrawal answered in ${answeredMs} ms, all done in ${(allDoneMs / 1000).toFixed(1)} s ` +
    `(per task p50 ${Math.round(percentile(perTask, 50))} ms · p99 ${Math.round(percentile(perTask, 99))} ms); ` +
    `left at the peer ${left} of ${atPeer}, in the feed ${inFeed}, targets taken down ${takenDown}`;
  console.log(
    appendBenchmarkRow(
      'takedown',
      result,
      'all automatic takedowns ≤ 5 min',
      'one worker process, peer (contract fake, instant, no deletion limit) and app.inject in the bench process; a real Mastodon allows 30 deletions per account in 30 min, so more posts per account wait for the next window (Retry-After)',
    ),
  );
  if (!done || allDoneMs > TARGET_MS || left > 0 || inFeed > 0 || takenDown !== targets.length) process.exitCode = 1;
} finally {
  worker?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await app.close();
  await fake.close();
  await bench.close();
}
