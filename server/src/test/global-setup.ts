import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../db/embedded.ts';
import { connect, runMigrations } from '../db/open.ts';
import { createJobQueue } from '../jobs/queue.ts';
import { createLogger } from '../logger.ts';

export const TEMPLATE_DB = 'nahbar_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
  }
}

/**
 * One real PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL), one migrated
 * template database; every test file clones it (CREATE DATABASE … TEMPLATE …) in a second.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-test-pg-'));
    fs.chmodSync(dir, 0o755);
    embedded = await startEmbeddedPostgres(path.join(dir, 'cluster'));
    adminUrl = embedded.url();
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const db = connect(templateUrl.toString(), 1);
  await runMigrations(db);
  await db.$client.end();
  // pg-boss creates its schema and queues once here; every cloned test database has them.
  const jobs = await createJobQueue({ url: templateUrl.toString(), log: createLogger('silent'), poolSize: 2 });
  await jobs.stop();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', TEMPLATE_DB);

  return async () => {
    await embedded?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
