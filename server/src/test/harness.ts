import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { afterAll, inject } from 'vitest';
import { buildApp } from '../app.ts';
import { createRegistry } from '../channels/registry.ts';
import { type Config, readConfig } from '../config.ts';
import { createSecretBox } from '../crypto/secret-box.ts';
import { connect, type Db } from '../db/open.ts';
import type { Deps } from '../deps.ts';
import { createJobQueue } from '../jobs/queue.ts';
import { startWorker, type Worker, type WorkerOptions } from '../jobs/worker.ts';
import { REDACT_PATHS } from '../logger.ts';
import { createMailer } from '../modules/mail/mailer.ts';
import { diskStore } from '../storage/disk-store.ts';

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  deps: Deps;
  databaseUrl: string;
  /** Every log line the app wrote, to check that no secret ever appears in it. */
  logs: string[];
  /** Moves the app's clock; starts at real time. */
  advance: (ms: number) => void;
  /** The publishing worker, when the test asked for one. */
  worker: Worker | undefined;
};

function databaseUrl(name: string): string {
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database cloned from the migrated template, and an app on it. Closed after the file. */
export async function createTestApp(
  overrides: { config?: Partial<Config>; deps?: Partial<Deps>; worker?: WorkerOptions | boolean } = {},
): Promise<TestApp> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('templateDb')}`);
  await admin.end();

  const url = databaseUrl(name);
  const db = connect(url, 5);
  const config: Config = {
    ...readConfig({ NAHBAR_DATA_DIR: '/nonexistent', PUBLIC_URL: 'http://nahbar.test' }),
    webDist: '/nonexistent',
    // The local Bluesky network and the Mastodon fake run on loopback.
    allowPrivateNetworks: true,
    ...overrides.config,
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const log = pino({ level: 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
  let offset = 0;
  // Each app its own media directory, removed with its database.
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-media-'));
  const jobs = await createJobQueue({ url, log, poolSize: 4 });
  const deps: Deps = {
    config,
    db,
    log,
    box: createSecretBox(randomBytes(32)),
    mailer: createMailer(db, config.smtpUrl, config.mailFrom, log),
    clock: () => new Date(Date.now() + offset),
    registry: createRegistry(),
    jobs,
    media: diskStore(mediaDir),
    ...overrides.deps,
  };
  const app = await buildApp(deps);
  const worker = overrides.worker
    ? await startWorker(deps, overrides.worker === true ? {} : overrides.worker)
    : undefined;
  afterAll(async () => {
    await app.close();
    await worker?.stop();
    await jobs.stop();
    await deps.mailer.idle();
    deps.mailer.close();
    await db.$client.end();
    const cleanup = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });
  return { app, db, deps, databaseUrl: url, logs, advance: (ms) => (offset += ms), worker };
}

/** A signed-in browser: cookie + CSRF token, like the web app holds them. */
export type Browser = { cookie: string; csrf: string; userId: string };

export type Call = {
  method?: InjectOptions['method'];
  url: string;
  body?: unknown;
  as?: Browser;
  token?: string;
  headers?: Record<string, string>;
};

export function call(app: FastifyInstance, c: Call): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...c.headers };
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  if (c.as) {
    headers.cookie = `nahbar_session=${c.as.cookie}`;
    headers['x-csrf-token'] = c.as.csrf;
  }
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  return app.inject({
    method: c.method ?? 'GET',
    url: c.url,
    headers,
    ...(c.body !== undefined && { payload: JSON.stringify(c.body) }),
  });
}

export function browserFrom(response: LightMyRequestResponse): Browser {
  const cookie = response.cookies.find((c) => c.name === 'nahbar_session');
  const body = response.json() as { csrfToken: string; user: { id: string } };
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return { cookie: cookie.value, csrf: body.csrfToken, userId: body.user.id };
}

export const PASSWORD = 'richtig-gutes-passwort';

let counter = 0;
export function uniqueEmail(prefix = 'person'): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}@example.org`;
}

/** Factory: the set-up page's request, which signs the owner in. */
export async function setUp(app: FastifyInstance, orgName = 'Jugendhilfe Nord') {
  const email = uniqueEmail('owner');
  const response = await call(app, {
    method: 'POST',
    url: '/api/setup',
    body: { organisation: { name: orgName }, owner: { name: 'Olga Owner', email, password: PASSWORD } },
  });
  if (response.statusCode !== 201) throw new Error(`setup failed: ${response.body}`);
  const owner = browserFrom(response);
  const orgId = (response.json() as { organisations: { id: string }[] }).organisations[0]!.id;
  return { owner, orgId, email };
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD, totp?: string) {
  return call(app, { method: 'POST', url: '/api/auth/login', body: { email, password, ...(totp && { totp }) } });
}

/** Factory: invite by e-mail, read the link from the outbox, accept as a new account. */
export async function addMember(
  t: TestApp,
  owner: Browser,
  orgId: string,
  roles: string[],
  name = 'Mia Mitglied',
): Promise<Browser & { email: string }> {
  const email = uniqueEmail(roles.join('-'));
  const invited = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/invitations`,
    as: owner,
    body: { email, roles },
  });
  if (invited.statusCode !== 201) throw new Error(`invite failed: ${invited.body}`);
  const token = await invitationTokenFor(t, email);
  const accepted = await call(t.app, {
    method: 'POST',
    url: `/api/invitations/${token}/accept`,
    body: { name, password: PASSWORD },
  });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
  return { ...browserFrom(accepted), email };
}

/** The token from the newest mail to this address, as the recipient would click it. */
export async function invitationTokenFor(t: TestApp, email: string): Promise<string> {
  return linkTokenFor(t, email, '/einladung?token=');
}

export async function linkTokenFor(t: TestApp, email: string, marker: string): Promise<string> {
  const rows = await t.db.$client.query<{ text_body: string }>(
    'select text_body from mail_outbox where to_address = $1 order by created_at desc limit 1',
    [email],
  );
  const text = rows.rows[0]?.text_body ?? '';
  const match = new RegExp(`${marker.replace(/[?]/g, '\\?')}([\\w%-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no link ${marker} in mail to ${email}: ${text}`);
  return decodeURIComponent(match[1]);
}
