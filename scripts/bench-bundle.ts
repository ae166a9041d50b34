// npm run bench:bundle — how much JavaScript the browser loads before the first page shows,
// gzip-compressed as it travels. Builds the web app, then walks the static imports from
// index.html's entry (what every first visit loads: shell, sign-in and overview) and, for the
// heavy lazy routes, what they add on top when someone opens them first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { appendBenchmarkRow } from './bench-common.ts';

const TARGET_KB = 300;
const dist = path.resolve(import.meta.dirname, '../web/dist');
const vite = path.resolve(import.meta.dirname, '../node_modules/vite/bin/vite.js');
const build = spawnSync(process.execPath, [vite, 'build'], {
  cwd: path.resolve(import.meta.dirname, '../web'),
  stdio: 'ignore',
});
if (build.status !== 0) throw new Error('vite build failed');

const read = (file: string) => fs.readFileSync(path.join(dist, 'assets', file), 'utf8');
const gzipKb = (files: Iterable<string>) =>
  [...files].reduce((sum, f) => sum + zlib.gzipSync(read(f)).length, 0) / 1024;

/** Chunks a chunk imports statically (minified `import … from"./x.js"` and `import"./x.js"`). */
function staticImports(file: string): string[] {
  const code = read(file);
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) found.add(m[1]!);
  // Dynamic imports are `import("./x.js")`: the regex above needs a quote right after `import`.
  return [...found];
}

function closure(start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
const first = closure(entries);
const firstKb = gzipKb(first);

const routes = ['calendar-page', 'posts-page', 'post-edit-page', 'media-page', 'inbox-page'];
const assets = fs.readdirSync(path.join(dist, 'assets'));
const extra = routes.map((route) => {
  const chunk = assets.find((f) => f.startsWith(`${route}-`) && f.endsWith('.js'));
  if (!chunk) return `${route} –`;
  const added = [...closure([chunk])].filter((f) => !first.has(f));
  return `${route} +${gzipKb(added).toFixed(0)} kB`;
});

const result =
  `first route (shell, sign-in, overview): ${first.size} files, ${firstKb.toFixed(1)} kB gzip · ` +
  `lazy routes on top: ${extra.join(', ')}`;
console.log(result);
console.log(
  appendBenchmarkRow('bundle', result, `first route ≤ ${TARGET_KB} kB gzip`, 'vite production build, gzip -6'),
);
if (firstKb > TARGET_KB) process.exitCode = 1;
