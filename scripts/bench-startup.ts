// npm run bench:startup — time from `npm start` to the first 200 on /api/health, cold (new
// data dir: initdb + migrations) and warm (second start), and the server's idle RSS.
// Appends a row to docs/benchmarks.md. Targets: warm ≤ 5 s, RSS ≤ 150 MB.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { appendBenchmarkRow } from './bench-common.ts';

const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function descendants(pid: number): { pid: number; rss: number; args: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const [p, pp, rss, ...args] = line.trim().split(/\s+/);
      return { pid: Number(p), ppid: Number(pp), rss: Number(rss), args: args.join(' ') };
    });
  const found: typeof rows = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const row of rows.filter((r) => r.ppid === parent)) {
      found.push(row);
      queue.push(row.pid);
    }
  }
  return found;
}

async function startOnce(dataDir: string): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NAHBAR_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  let ms = 0;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) {
        ms = performance.now() - started;
        break;
      }
    } catch {}
    if (performance.now() - started > 120_000) throw new Error('server did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 5000)); // idle
  const server = descendants(child.pid!).find((p) => /^\S*node .*server\/src\/main.ts start/.test(p.args));
  const rssMb = (server?.rss ?? 0) / 1024;
  process.kill(-child.pid!, 'SIGINT');
  await new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, 500));
  // Orphans would be re-parented to init, so look for anything still using this data dir.
  const leftovers = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dataDir));
  if (leftovers.length > 0) throw new Error(`processes left after Ctrl-C: ${JSON.stringify(leftovers)}`);
  return { ms, rssMb };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-bench-'));
fs.chmodSync(dataDir, 0o755);
try {
  const cold = await startOnce(dataDir);
  const warm: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < 3; i++) warm.push(await startOnce(dataDir));
  const warmMs = warm.map((w) => w.ms).sort((a, b) => a - b)[1]!;
  const rssMb = Math.max(...warm.map((w) => w.rssMb), cold.rssMb);
  const result = `cold ${(cold.ms / 1000).toFixed(2)} s · warm (median of 3) ${(warmMs / 1000).toFixed(2)} s · idle RSS ${rssMb.toFixed(0)} MB`;
  console.log(appendBenchmarkRow('startup', result, 'warm ≤ 5 s, RSS ≤ 150 MB'));
  if (warmMs > 5000 || rssMb > 150) {
    console.error('target missed');
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
