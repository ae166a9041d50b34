// npm run test:e2e — build the web app if needed, then run the Playwright journeys.
import { spawnSync } from 'node:child_process';

for (const args of [['scripts/ensure-web-build.ts'], ['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e']]) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
