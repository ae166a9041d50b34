import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type SecretBox, sealedKeyId } from './secret-box.ts';

// Files at rest (consent evidence), AES-256-GCM. Envelope: each file gets its own random data
// key; the bytes are encrypted with it, and the data key is sealed with the app's secret box.
// A key rotation then re-seals a line of text per file instead of re-encrypting megabytes.
// Layout: MAGIC, the sealed data key (secret-box text), "\n", iv (12), tag (16), ciphertext.

const MAGIC = Buffer.from('nahbar-sealed-bytes.v1\n');
const IV = 12;
const TAG = 16;

export function sealBytes(box: SecretBox, plain: Buffer): Buffer {
  const dataKey = randomBytes(32);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const header = Buffer.from(`${box.seal(dataKey.toString('base64url'))}\n`);
  return Buffer.concat([MAGIC, header, iv, cipher.getAuthTag(), body]);
}

type Parts = { sealedKey: string; rest: Buffer };

function split(sealed: Buffer): Parts {
  if (!sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not sealed bytes');
  const end = sealed.indexOf(0x0a, MAGIC.length);
  if (end < 0 || sealed.length < end + 1 + IV + TAG) throw new Error('sealed bytes truncated');
  return { sealedKey: sealed.subarray(MAGIC.length, end).toString(), rest: sealed.subarray(end + 1) };
}

export function openBytes(box: SecretBox, sealed: Buffer): Buffer {
  const { sealedKey, rest } = split(sealed);
  const dataKey = Buffer.from(box.open(sealedKey), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, rest.subarray(0, IV));
  decipher.setAuthTag(rest.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(rest.subarray(IV + TAG)), decipher.final()]);
}

/** The secret-box key that seals this file's data key (rotation skips files already current). */
export function sealedBytesKeyId(sealed: Buffer): string | undefined {
  try {
    return sealedKeyId(split(sealed).sealedKey);
  } catch {
    return undefined;
  }
}

/** The same file with its data key sealed by the box's current key; the ciphertext is kept. */
export function resealBytes(box: SecretBox, sealed: Buffer): Buffer {
  const { sealedKey, rest } = split(sealed);
  const header = Buffer.from(`${box.seal(box.open(sealedKey))}\n`);
  return Buffer.concat([MAGIC, header, rest]);
}
