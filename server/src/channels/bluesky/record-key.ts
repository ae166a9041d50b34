import { createHash } from 'node:crypto';

// app.bsky.feed.post records are keyed by TIDs: 13 characters of base32-sortable, holding a
// 53-bit microsecond timestamp and a 10-bit clock id. We derive them from the post target's
// idempotency key instead of the clock, so a retried write names the same record and the PDS
// cannot end up with two copies of one post.

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * The record key of part `index` of a post. The timestamp is the second of `createdAt` plus a
 * hash-derived microsecond offset (so two posts scheduled for the same second differ), plus the
 * part index, so the parts of a thread sort in order. The clock id comes from the hash as well:
 * about 2^30 possible keys per account and second.
 */
export function postRecordKey(idempotencyKey: string, createdAt: Date, index: number): string {
  const hash = createHash('sha256').update(idempotencyKey).digest();
  const offsetMicros = hash.readUIntBE(0, 6) % 1_000_000;
  const clockId = hash.readUInt16BE(6) % 1024;
  const seconds = Math.floor(createdAt.getTime() / 1000);
  const micros = seconds * 1_000_000 + offsetMicros + index;
  return s32(BigInt(micros), 11) + s32(BigInt(clockId), 2);
}

function s32(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  while (rest > 0n) {
    out = S32[Number(rest % 32n)] + out;
    rest /= 32n;
  }
  return out.padStart(length, '2');
}
