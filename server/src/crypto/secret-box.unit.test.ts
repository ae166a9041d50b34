import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, keyIdOf } from './secret-box.ts';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('secret box', () => {
  it('opens what it sealed, and never shows the plain text', () => {
    const box = createSecretBox(keyA);
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('seals the same value differently each time (fresh IV)', () => {
    const box = createSecretBox(keyA);
    expect(box.seal('gleich')).not.toBe(box.seal('gleich'));
  });

  it('carries the key id in the sealed value', () => {
    const box = createSecretBox(keyA);
    const [version, keyId] = box.seal('x').split('.');
    expect(version).toBe('v1');
    expect(keyId).toBe(keyIdOf(keyA));
    expect(box.keyId).toBe(keyIdOf(keyA));
  });

  it('rejects a tampered ciphertext', () => {
    const box = createSecretBox(keyA);
    const parts = box.seal('Konto-Geheimnis').split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('rejects a tampered auth tag', () => {
    const box = createSecretBox(keyA);
    const parts = box.seal('Konto-Geheimnis').split('.');
    parts[3] = Buffer.alloc(16).toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('rejects a value sealed with a key it does not know', () => {
    const sealed = createSecretBox(keyB).seal('fremd');
    expect(() => createSecretBox(keyA).open(sealed)).toThrow(/unknown key/);
  });

  it('rejects values that are not sealed secrets', () => {
    expect(() => createSecretBox(keyA).open('JBSWY3DPEHPK3PXP')).toThrow(/not a sealed secret/);
  });

  it('still opens values sealed with the old key after rotation, and seals with the new one', () => {
    const sealedBefore = createSecretBox(keyA).seal('vor der Rotation');
    const rotated = createSecretBox(keyB, [keyA]);
    expect(rotated.open(sealedBefore)).toBe('vor der Rotation');
    expect(rotated.seal('danach').split('.')[1]).toBe(keyIdOf(keyB));
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
