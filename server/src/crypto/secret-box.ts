import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { loadSecretKeys } from './key-files.ts';

// AES-256-GCM for secrets at rest (TOTP seeds, channel credentials, OAuth secrets).
// Sealed format: v1.<keyId>.<iv>.<tag>.<ciphertext>, base64url parts. The key id lets a
// rotation (rotate-keys.ts) re-encrypt old values while both keys are known.

export type SecretBox = {
  keyId: string;
  seal: (plain: string) => string;
  open: (sealed: string) => string;
};

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function createSecretBox(current: Buffer, previous: Buffer[] = []): SecretBox {
  if (current.length !== 32) throw new Error('secret key must be 32 bytes');
  const keys = new Map<string, Buffer>([current, ...previous].map((key) => [keyIdOf(key), key]));
  const keyId = keyIdOf(current);
  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
      return ['v1', keyId, ...parts].join('.');
    },
    open(sealed) {
      const [version, id, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !id || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
      const key = keys.get(id);
      if (!key) throw new Error(`secret sealed with unknown key ${id}`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The current key only, for callers that predate rotation. Prefer loadSecretKeys
 * (key-files.ts), which also returns the keys still accepted for opening.
 */
export function loadSecretKey(configured: string | undefined, dataDir: string): { key: Buffer; generated: boolean } {
  const { current, generated } = loadSecretKeys({ secretKey: configured, previousSecretKeys: [], dataDir });
  return { key: current, generated };
}

/** The key id a sealed value names, or undefined when the value is not a sealed secret. */
export function sealedKeyId(sealed: string): string | undefined {
  const [version, id] = sealed.split('.');
  return version === 'v1' && id ? id : undefined;
}
