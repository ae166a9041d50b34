// Builds the web app when its sources changed since the last build, so `npm start` always
// serves the current UI without rebuilding on every start (warm start stays fast).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const inputs = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'web/public', 'common/src'];
const stamp = path.join(root, 'web/dist/.source-hash');

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) hashTree(hash, path.join(target, entry));
    return;
  }
  hash.update(path.relative(root, target));
  hash.update(fs.readFileSync(target));
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const input of inputs) hashTree(hash, path.join(root, input));
  return hash.digest('hex');
}

const current = sourceHash();
const built = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';
if (current !== built || !fs.existsSync(path.join(root, 'web/dist/index.html'))) {
  console.log('Building the web app (sources changed) …');
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, `${current}\n`);
}
