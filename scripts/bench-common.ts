// Shared by the benchmarks: an embedded PostgreSQL in a temp dir (migrated, pg-boss ready), and
// the row each benchmark appends to docs/benchmarks.md.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { createRegistry } from '../server/src/channels/registry.ts';
import { type Config, readConfig } from '../server/src/config.ts';
import { createSecretBox } from '../server/src/crypto/secret-box.ts';
import { startEmbeddedPostgres } from '../server/src/db/embedded.ts';
import { connect, type Db, runMigrations } from '../server/src/db/open.ts';
import type { Deps } from '../server/src/deps.ts';
import { createJobQueue, type JobQueue } from '../server/src/jobs/queue.ts';
import { createLogger, type Logger } from '../server/src/logger.ts';
import { createMailer } from '../server/src/modules/mail/mailer.ts';

export type BenchDatabase = {
  dir: string;
  url: string;
  db: Db;
  jobs: JobQueue;
  log: Logger;
  close: () => Promise<void>;
};

export async function startBenchDatabase(name: string, poolSize: number): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nahbar-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  const embedded = await startEmbeddedPostgres(path.join(dir, 'pg'));
  const admin = new pg.Client({ connectionString: embedded.url() });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const url = embedded.url('bench');
  const db = connect(url, poolSize);
  await runMigrations(db);
  const log = createLogger('silent');
  const jobs = await createJobQueue({ url, log, poolSize: 4 });
  return {
    dir,
    url,
    db,
    jobs,
    log,
    async close() {
      await jobs.stop();
      await db.$client.end();
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One row in docs/benchmarks.md, with the machine it ran on; compare rows of one machine only. */
export function appendBenchmarkRow(bench: string, result: string, target: string, note = ''): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const row = `| ${new Date().toISOString().slice(0, 10)} | ${bench} | ${result} | ${target} | ${machine}${note ? `; ${note}` : ''} |`;
  fs.appendFileSync(path.resolve(import.meta.dirname, '../docs/benchmarks.md'), `${row}\n`);
  return row;
}

/** The real app on the bench database, and an organisation with its owner signed in. */
export async function startBenchApp(
  bench: BenchDatabase,
  config: Partial<Config> = {},
): Promise<{ deps: Deps; app: FastifyInstance; orgId: string; ownerId: string; headers: Record<string, string> }> {
  const { dir, db, jobs, log } = bench;
  const full = {
    ...readConfig({ NAHBAR_DATA_DIR: dir, PUBLIC_URL: 'http://nahbar.bench' }),
    webDist: '/nonexistent',
    ...config,
  };
  const deps: Deps = {
    config: full,
    db,
    log,
    box: createSecretBox(randomBytes(32)),
    mailer: createMailer(db, undefined, full.mailFrom, log),
    clock: () => new Date(),
    registry: createRegistry(),
    jobs,
  };
  const app = await buildApp(deps);
  const setup = await app.inject({
    method: 'POST',
    url: '/api/setup',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({
      organisation: { name: 'Bench-Träger' },
      owner: { name: 'Olga Owner', email: 'owner@bench.example', password: 'richtig-gutes-passwort' },
    }),
  });
  const body = setup.json() as { csrfToken: string; user: { id: string }; organisations: { id: string }[] };
  const cookie = setup.cookies.find((c) => c.name === 'nahbar_session')!.value;
  return {
    deps,
    app,
    orgId: body.organisations[0]!.id,
    ownerId: body.user.id,
    headers: { cookie: `nahbar_session=${cookie}`, 'x-csrf-token': body.csrfToken },
  };
}

/** The p-th percentile of ascending timings. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
