import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskStore } from './disk-store.ts';
import { storageKey } from './media-store.ts';

const ORG = '0f8fad5b-d9cb-469f-a165-70867728950e';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-disk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('disk media store', () => {
  it('keeps files readable by the server only, under the organisation', async () => {
    const store = diskStore(dir);
    const key = storageKey(ORG, 'video/mp4');
    expect(key).toMatch(new RegExp(`^${ORG}/[0-9a-f-]{36}\\.mp4$`));
    await store.put(key, Buffer.from('bytes'), 'video/mp4');
    const stat = fs.statSync(path.join(dir, key));
    expect(stat.mode & 0o777).toBe(0o600);
    expect((await store.get(key)).toString()).toBe('bytes');
    await store.delete(key);
    expect(fs.existsSync(path.join(dir, key))).toBe(false);
    await expect(store.get(key)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses path traversal', async () => {
    const store = diskStore(dir);
    for (const key of ['../secret.key', `${ORG}/../../x.jpg`, '/etc/passwd', `${ORG}/a.jpg`]) {
      await expect(store.get(key)).rejects.toThrow(/invalid media storage key/);
      await expect(store.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/invalid media storage key/);
    }
  });
});
