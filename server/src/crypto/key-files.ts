import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Embedded mode keeps the secret key in the data directory. A rotation (rotate-keys.ts)
// moves through these files in an order that leaves a working set of keys after a crash
// at any step:
//   1. the new key is written to secret.key.next;
//   2. the database is re-encrypted with it, in one transaction;
//   3. the old key is copied to secret.key.previous (temporary file + rename);
//   4. secret.key.next is renamed over secret.key (atomic: secret.key never goes missing).
// The loader therefore accepts secret.key.next and secret.key.previous for opening:
// after a crash between 2 and 4 the database is sealed with the key in .next while
// secret.key is still the old one.

export const KEY_FILE = 'secret.key';
export const NEXT_KEY_FILE = 'secret.key.next';
export const PREVIOUS_KEY_FILE = 'secret.key.previous';

export type SecretKeys = {
  /** Seals new values. */
  current: Buffer;
  /** Only opens values sealed before a rotation. */
  previous: Buffer[];
  /** A key was generated just now (first start in embedded mode): the caller warns. */
  generated: boolean;
};

export function readKeyFile(file: string): Buffer | undefined {
  if (!fs.existsSync(file)) return undefined;
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}

/** Written with mode 0600 and synced; `wx` refuses to overwrite an existing key. */
export function writeKeyFile(file: string, key: Buffer): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${key.toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Renames survive a power cut only once the directory entry is on disk. */
export function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * NAHBAR_SECRET_KEY (+ NAHBAR_PREVIOUS_SECRET_KEYS) when given; in embedded mode the key in
 * <data>/secret.key, generated once (0600), plus the rotation files described above.
 */
export function loadSecretKeys(config: {
  secretKey: string | undefined;
  previousSecretKeys: string[];
  dataDir: string;
}): SecretKeys {
  const configured = config.previousSecretKeys.map((key) => Buffer.from(key, 'base64'));
  if (config.secretKey) {
    return { current: Buffer.from(config.secretKey, 'base64'), previous: configured, generated: false };
  }
  const dir = config.dataDir;
  const fromFiles = [NEXT_KEY_FILE, PREVIOUS_KEY_FILE]
    .map((name) => readKeyFile(path.join(dir, name)))
    .filter((key): key is Buffer => key !== undefined);
  const existing = readKeyFile(path.join(dir, KEY_FILE));
  if (existing) return { current: existing, previous: [...fromFiles, ...configured], generated: false };
  if (fromFiles.length > 0) {
    // Generating a fresh key here would make every sealed value unreadable.
    throw new Error(`${path.join(dir, KEY_FILE)} is missing but rotation files exist; restore it from the backup`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const current = randomBytes(32);
  writeKeyFile(path.join(dir, KEY_FILE), current);
  return { current, previous: configured, generated: true };
}
