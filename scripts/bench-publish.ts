// npm run bench:publish — the publishing engine against an instant local peer (the Mastodon
// contract fake): 10 000 targets due within one minute across 1 000 channels, published by a
// worker process (`nahbar worker`) on the same embedded PostgreSQL.
//  1. latency: due time → the peer receiving the status, p50/p99 (target p99 ≤ 2 s);
//  2. throughput: 10 000 targets due at the same moment, publishes/s (target ≥ 500/s).
// Appends a row to docs/benchmarks.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readInstance } from '../server/src/channels/mastodon/instance.ts';
import { createSecretBox } from '../server/src/crypto/secret-box.ts';
import { PUBLISH_QUEUE } from '../server/src/jobs/queue.ts';
import { startMastodonFake } from '../server/src/test/mastodon-contract-fake.ts';
import { appendBenchmarkRow, startBenchDatabase } from './bench-common.ts';

const root = path.resolve(import.meta.dirname, '..');
const TARGETS = Number(process.env.BENCH_TARGETS ?? 10_000);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 1_000);
const SPREAD_MS = 60_000;

const bench = await startBenchDatabase('publish', 4);
const { url, db, jobs } = bench;
const key = randomBytes(32);
const box = createSecretBox(key);
const fake = await startMastodonFake({ instant: true });
const settings = await readInstance(fake.url);
let worker: ChildProcess | undefined;

try {
  const { rows: orgRows } = await db.$client.query<{ id: string }>(
    "insert into organisations (name) values ('Bench-Träger') returning id",
  );
  const orgId = orgRows[0]!.id;
  const channelIds: string[] = [];
  for (let i = 0; i < CHANNELS; i += 1) {
    const credentials = box.seal(JSON.stringify({ accessToken: fake.issueToken(`konto${i}`) }));
    const { rows } = await db.$client.query<{ id: string }>(
      `insert into channels (org_id, network, name, credentials, settings, status)
       values ($1, 'mastodon', $2, $3, $4, 'connected') returning id`,
      [orgId, `Konto ${i}`, credentials, JSON.stringify(settings)],
    );
    channelIds.push(rows[0]!.id);
  }

  /** Inserts posts with one target each, due at the given times, and enqueues their jobs. */
  async function schedule(dues: Date[], label: string): Promise<Map<string, number>> {
    const due = new Map<string, number>();
    for (let start = 0; start < dues.length; start += 1000) {
      const chunk = dues.slice(start, start + 1000);
      const { rows: posts } = await db.$client.query<{ id: string }>(
        `insert into posts (org_id, text) select $1, $2 || ' ' || g from generate_series(1, $3) g returning id`,
        [orgId, `Benchmark ${label}`, chunk.length],
      );
      const { rows: targets } = await db.$client.query<{ id: string; due_at: Date }>(
        `insert into post_targets (org_id, post_id, channel_id, state, due_at)
         select $1, p, c, 'scheduled', d from unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) as t(p, c, d)
         returning id, due_at`,
        [orgId, posts.map((p) => p.id), chunk.map((_, i) => channelIds[(start + i) % CHANNELS]), chunk],
      );
      await jobs.boss.insert(
        PUBLISH_QUEUE,
        targets.map((t) => ({ data: { targetId: t.id }, singletonKey: t.id, startAfter: t.due_at })),
      );
      for (const t of targets) due.set(t.id, t.due_at.getTime());
    }
    return due;
  }

  async function waitForPublished(expected: number, timeoutMs: number) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await db.$client.query<{ n: string }>(
        "select count(*) n from post_targets where state = 'published'",
      );
      if (Number(rows[0]!.n) >= expected || Date.now() > end) return Number(rows[0]!.n);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  worker = spawn(process.execPath, [path.join(root, 'server/src/main.ts'), 'worker'], {
    env: { ...process.env, DATABASE_URL: url, NAHBAR_SECRET_KEY: key.toString('base64'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await new Promise((r) => setTimeout(r, 3000));

  // 1. latency: due uniformly over one minute, starting in 10 s.
  const t0 = Date.now() + 10_000;
  const dues = Array.from({ length: TARGETS }, (_, i) => new Date(t0 + Math.floor((i * SPREAD_MS) / TARGETS)));
  const latencyDue = await schedule(dues, 'latency');
  const published1 = await waitForPublished(TARGETS, SPREAD_MS + 120_000);
  const latencies = fake
    .statuses()
    .map((s) => {
      const id = (s.idempotencyKey ?? '').split(':')[0] ?? '';
      const due = latencyDue.get(id);
      return due === undefined ? null : Date.parse(s.createdAt) - due;
    })
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;

  // 2. throughput: everything due at once.
  const before = fake.statuses().length;
  const burstAt = new Date(Date.now() + 5_000);
  await schedule(
    Array.from({ length: TARGETS }, () => burstAt),
    'burst',
  );
  const published2 = (await waitForPublished(published1 + TARGETS, 300_000)) - published1;
  const burst = fake
    .statuses()
    .slice(before)
    .map((s) => Date.parse(s.createdAt))
    .sort((a, b) => a - b);
  const seconds = ((burst.at(-1) ?? 0) - burstAt.getTime()) / 1000;
  const perSecond = published2 / seconds;

  const duplicates = fake.statuses().length - new Set(fake.statuses().map((s) => s.idempotencyKey)).size;
  const result =
    `${TARGETS} due in 1 min over ${CHANNELS} channels: published ${published1}, latency p50 ${pct(50)} ms · p99 ${pct(99)} ms · max ${latencies.at(-1)} ms; ` +
    `burst of ${TARGETS} due at once: ${published2} in ${seconds.toFixed(1)} s = ${perSecond.toFixed(0)}/s; duplicates at peer ${duplicates}`;
  console.log(
    appendBenchmarkRow('publish', result, 'p99 ≤ 2 s, ≥ 500/s', 'one worker process, peer in the bench process'),
  );
  if (pct(99) > 2000 || perSecond < 500 || duplicates > 0 || published1 < TARGETS) process.exitCode = 1;
} finally {
  worker?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await fake.close();
  await bench.close();
}
