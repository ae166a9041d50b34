import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Config } from '../config.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded.ts';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Services accept either, so a caller can run them inside its own transaction. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

export function connect(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  return drizzle(pool, { schema }) as Db;
}

/** Apply committed migrations; an advisory lock keeps concurrent starts from racing. */
export async function runMigrations(db: Db): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('select pg_advisory_lock(724_051)');
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock(724_051)').catch(() => {});
    client.release();
  }
}

export type Database = { db: Db; url: string; embedded: EmbeddedPostgres | undefined; close: () => Promise<void> };

/** DATABASE_URL if set; otherwise an embedded PostgreSQL under <data dir>/postgres. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), log);
    const admin = new pg.Client({ connectionString: embedded.url() });
    await admin.connect();
    const exists = await admin.query("select 1 from pg_database where datname = 'nahbar'");
    if (exists.rowCount === 0) await admin.query('create database nahbar');
    await admin.end();
    url = embedded.url('nahbar');
  }
  const db = connect(url);
  return {
    db,
    url,
    embedded,
    close: async () => {
      await db.$client.end();
      await embedded?.stop();
    },
  };
}
