import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, TOTP_PERIOD, totpCode, totpStep, verifyTotp } from './totp.ts';

// RFC 6238, appendix B: SHA-1 seed "12345678901234567890", 8 digits.
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP codes', () => {
  it.each(RFC_VECTORS)('at %i s gives the RFC 6238 code %s', (seconds, expected) => {
    expect(hotp(RFC_SECRET, totpStep(seconds * 1000), 8)).toBe(expected);
  });

  it('gives the same 6-digit code an authenticator app shows for the base32 secret', () => {
    const base32 = base32Encode(RFC_SECRET);
    expect(base32).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    // The last six digits of the RFC's eight-digit code (the modulus just drops leading digits).
    expect(totpCode(base32, 59_000)).toBe('287082');
    expect(totpCode(base32, 1_111_111_109_000)).toBe('081804');
  });
});

describe('base32', () => {
  it('round-trips arbitrary bytes, including lengths that need padding bits', () => {
    for (let length = 0; length <= 21; length += 1) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + 11) & 255));
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
  });

  it('accepts what people type: lower case, spaces, trailing padding', () => {
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SECRET);
    expect(base32Decode('MZXW6===')).toEqual(Buffer.from('foo'));
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base32Decode('ABC1')).toThrow(/invalid base32/);
  });
});

describe('verifyTotp', () => {
  const secret = base32Encode(RFC_SECRET);
  const now = 1_700_000_000_000;
  const step = totpStep(now);
  const codeAt = (offsetSteps: number) => hotp(RFC_SECRET, step + offsetSteps);

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(secret, codeAt(0), now)).toBe(step);
  });

  it('accepts one step of clock drift either way', () => {
    expect(verifyTotp(secret, codeAt(-1), now)).toBe(step - 1);
    expect(verifyTotp(secret, codeAt(1), now)).toBe(step + 1);
  });

  it('rejects codes two steps away', () => {
    expect(verifyTotp(secret, codeAt(-2), now)).toBeNull();
    expect(verifyTotp(secret, codeAt(2), now)).toBeNull();
  });

  it('uses 30-second steps', () => {
    expect(TOTP_PERIOD).toBe(30);
    expect(totpStep(29_999)).toBe(0);
    expect(totpStep(30_000)).toBe(1);
  });
});
