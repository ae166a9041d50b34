// Shared by the benchmarks: an embedded PostgreSQL in a temp dir (migrated, pg-boss ready), and
// the row each benchmark appends to docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../server/src/db/embedded.ts';
import { connect, type Db, runMigrations } from '../server/src/db/open.ts';
import { createJobQueue, type JobQueue } from '../server/src/jobs/queue.ts';
import { createLogger, type Logger } from '../server/src/logger.ts';

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
