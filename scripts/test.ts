// `npm test`: typecheck, lint, unit, integration, e2e — stops at the first red step.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.ts';

const steps: [string, string[]][] = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['unit + integration', ['exec', '--', 'vitest', 'run', '--project', 'unit', '--project', 'integration']],
];

for (const [name, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

console.log('\n▶ e2e');
if (!findChromium()) {
  const hint = 'Chromium not found. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).';
  if (process.env.CI === 'true') {
    console.error(`✖ ${hint} CI=true makes a missing browser a failure.`);
    process.exit(1);
  }
  console.warn(`⚠ e2e SKIPPED — ${hint}`);
  process.exit(0);
}
const e2e = spawnSync('npm', ['run', 'test:e2e'], { stdio: 'inherit' });
process.exit(e2e.status ?? 1);
