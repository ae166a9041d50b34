import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClock } from './clock.ts';

describe('createClock', () => {
  it('is real time without an offset file', () => {
    const before = Date.now();
    const now = createClock(undefined)().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(1_000);
  });

  it('runs ahead by the milliseconds in the file, and treats a missing or broken file as no shift', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-clock-')), 'offset');
    expect(createClock(file)().getTime() - Date.now()).toBeLessThan(1_000);
    fs.writeFileSync(file, String(24 * 3_600_000));
    const clock = createClock(file);
    expect(clock().getTime() - Date.now()).toBeGreaterThan(24 * 3_600_000 - 1_000);
    fs.writeFileSync(file, 'tomorrow');
    await new Promise((r) => setTimeout(r, 300));
    expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
