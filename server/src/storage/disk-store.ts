import fs from 'node:fs/promises';
import path from 'node:path';
import { checkKey, type MediaStore, missing } from './media-store.ts';

/**
 * Files under `dir` (default <NAHBAR_DATA_DIR>/media), readable by the server's user only.
 * Written to a temporary name and renamed, so a crash never leaves half a file under a key.
 */
export function diskStore(dir: string): MediaStore {
  const root = path.resolve(dir);
  const file = (key: string) => {
    const resolved = path.resolve(root, checkKey(key));
    // Belt and braces: checkKey already forbids "..", this forbids any escape it might miss.
    if (!resolved.startsWith(root + path.sep)) throw new Error('media key escapes the store');
    return resolved;
  };
  return {
    kind: 'disk',
    async put(key, bytes) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temporary = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temporary, bytes, { mode: 0o600 });
      await fs.rename(temporary, target);
    },
    async get(key) {
      try {
        return await fs.readFile(file(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing(key);
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}
