import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openBytes, resealBytes, sealBytes, sealedBytesKeyId } from './sealed-bytes.ts';
import { createSecretBox } from './secret-box.ts';

describe('sealed bytes', () => {
  const plain = Buffer.concat([Buffer.from('%PDF-1.7 Einwilligung Lea M.'), randomBytes(2000)]);

  it('round-trips and hides the plaintext', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = sealBytes(box, plain);
    expect(sealed.includes(Buffer.from('Einwilligung'))).toBe(false);
    expect(openBytes(box, sealed).equals(plain)).toBe(true);
    expect(sealedBytesKeyId(sealed)).toBe(box.keyId);
  });

  it('refuses tampered bytes and a foreign key', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = sealBytes(box, plain);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openBytes(box, tampered)).toThrow();
    expect(() => openBytes(createSecretBox(randomBytes(32)), sealed)).toThrow();
    expect(() => openBytes(box, plain)).toThrow('not sealed bytes');
  });

  it('re-seals for a new key while the old one is still known', () => {
    const oldKey = randomBytes(32);
    const sealed = sealBytes(createSecretBox(oldKey), plain);
    const newKey = randomBytes(32);
    const resealed = resealBytes(createSecretBox(newKey, [oldKey]), sealed);
    const newOnly = createSecretBox(newKey);
    expect(sealedBytesKeyId(resealed)).toBe(newOnly.keyId);
    expect(openBytes(newOnly, resealed).equals(plain)).toBe(true);
    expect(() => openBytes(newOnly, sealed)).toThrow();
  });
});
