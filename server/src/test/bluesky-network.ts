import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';
import pg from 'pg';
import { inject } from 'vitest';
// For `inject('pgAdminUrl')`'s type, also when the browser journeys' tsconfig checks this file.
import type {} from './global-setup.ts';

// A real Bluesky network for integration tests: PLC, PDS, AppView (with bsync and ozone, as
// dev-env wires them) on loopback. The AppView gets its own database in the test PostgreSQL
// and its own throw-away redis-server, so several test files can each run a network.
// With `{ appView: false }` it is PLC and PDS only: no PostgreSQL or redis, for the browser
// journeys, which check what arrived with com.atproto.repo.listRecords on the PDS itself.

export type TestAccount = { handle: string; did: string; password: string; appPassword: string };

export type BlueskyNetwork = {
  pdsUrl: string;
  /** Milliseconds `startBlueskyNetwork()` took, for the record. */
  startupMs: number;
  createAccount: (handleShort: string) => Promise<TestAccount>;
  /** Lets the AppView index everything the PDS has sequenced so far. */
  processAll: () => Promise<void>;
  /** AppView views: these reject on a network started with `{ appView: false }`. */
  authorFeed: (handle: string) => Promise<AuthorFeedItem[]>;
  thread: (uri: string) => Promise<ThreadNode>;
  close: () => Promise<void>;
};

type AuthorFeedItem = Awaited<ReturnType<AtpAgent['getAuthorFeed']>>['data']['feed'][number];
type ThreadNode = Awaited<ReturnType<AtpAgent['getPostThread']>>['data']['thread'];

export async function startBlueskyNetwork(options: { appView?: boolean } = {}): Promise<BlueskyNetwork> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-bsky-'));
  const previousTmp = process.env.TMPDIR;
  // dev-env puts PDS data and blobs under os.tmpdir(); keep them in one folder we remove.
  process.env.TMPDIR = tmp;
  const restoreTmp = () => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  if (options.appView === false) return startPdsOnly(started, restoreTmp);
  const redis = await startRedis(tmp);
  const database = await createDatabase();
  let network: TestNetwork;
  const restoreListen = bindToLoopback();
  try {
    process.env.REDIS_HOST = `127.0.0.1:${redis.port}`;
    network = await TestNetwork.create({ dbPostgresUrl: database.url, dbPostgresSchema: 'net' });
  } catch (error) {
    redis.stop();
    await database.drop();
    restoreTmp();
    throw error;
  } finally {
    restoreListen();
  }

  const appview = new AtpAgent({ service: network.bsky.url });
  return {
    pdsUrl: network.pds.url,
    startupMs: Date.now() - started,
    createAccount: (handleShort) => createAccount(network.pds.url, handleShort),
    processAll: () => network.processAll(),
    async authorFeed(handle) {
      const res = await appview.app.bsky.feed.getAuthorFeed({ actor: handle, limit: 100 });
      return res.data.feed;
    },
    async thread(uri) {
      const res = await appview.app.bsky.feed.getPostThread({ uri, depth: 10 });
      return res.data.thread;
    },
    async close() {
      try {
        await network.close();
      } finally {
        redis.stop();
        await database.drop();
        restoreTmp();
      }
    },
  };
}

async function startPdsOnly(started: number, restoreTmp: () => void): Promise<BlueskyNetwork> {
  let network: TestNetworkNoAppView;
  const restoreListen = bindToLoopback();
  try {
    network = await TestNetworkNoAppView.create({});
  } catch (error) {
    restoreTmp();
    throw error;
  } finally {
    restoreListen();
  }
  const noAppView = () => Promise.reject(new Error('this Bluesky network has no AppView'));
  return {
    pdsUrl: network.pds.url,
    startupMs: Date.now() - started,
    createAccount: (handleShort) => createAccount(network.pds.url, handleShort),
    processAll: () => network.processAll(),
    authorFeed: noAppView,
    thread: noAppView,
    async close() {
      try {
        await network.close();
      } finally {
        restoreTmp();
      }
    },
  };
}

async function createAccount(pdsUrl: string, handleShort: string): Promise<TestAccount> {
  const handle = `${handleShort}.test`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const agent = new AtpAgent({ service: pdsUrl });
  const created = await agent.createAccount({ handle, email: `${handleShort}@example.org`, password });
  const app = await agent.com.atproto.server.createAppPassword({ name: 'nahbar' });
  return { handle, did: created.data.did, password, appPassword: app.data.password };
}

/**
 * dev-env's services call `listen(port)`, which binds every interface. While the network
 * starts, a bare port gets 127.0.0.1 added, so nothing is reachable from outside this machine.
 */
function bindToLoopback(): () => void {
  const original = net.Server.prototype.listen;
  net.Server.prototype.listen = function listen(this: net.Server, ...args: unknown[]) {
    if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
    else if (typeof args[0] === 'object' && args[0] !== null && !('host' in args[0]) && !('path' in args[0])) {
      args[0] = { ...args[0], host: '127.0.0.1' };
    }
    return (original as (...a: unknown[]) => net.Server).apply(this, args);
  } as typeof original;
  return () => {
    net.Server.prototype.listen = original;
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(dir: string): Promise<{ port: number; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  // Also when the test worker ends without calling close().
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  return {
    port,
    stop: () => {
      process.off('exit', stop);
      stop();
    },
  };
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bsky_${randomBytes(6).toString('hex')}`;
  const adminUrl = inject('pgAdminUrl');
  const run = async (sql: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
