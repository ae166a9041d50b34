import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../db/open.ts';
import { consents } from '../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import { type MediaStore, storageKey } from '../storage/index.ts';
import { resealBytes, sealedBytesKeyId } from './sealed-bytes.ts';
import type { SecretBox } from './secret-box.ts';

/** Store keys the rotation wrote (removed again on rollback) and replaced (removed after commit). */
export type FileRotation = { written: string[]; replaced: string[] };

/**
 * Consent evidence files: each is re-sealed under a new store key and the row is pointed at
 * it inside the rotation's transaction. The old file stays until the commit, so a failed
 * rotation leaves every row pointing at a file its old key still opens.
 */
export async function resealEvidence(tx: Tx, box: SecretBox, store: MediaStore, files: FileRotation): Promise<number> {
  const rows = await tx
    .select({ id: consents.id, orgId: consents.orgId, key: consents.evidenceKey })
    .from(consents)
    .where(isNotNull(consents.evidenceKey))
    .orderBy(asc(consents.id))
    .for('update');
  let count = 0;
  for (const row of rows) {
    if (!row.key) continue;
    let sealed: Buffer;
    try {
      sealed = await store.get(row.key);
    } catch (error) {
      // A file already gone (store cleaned by hand) must not block every future rotation.
      if (error instanceof AppError && error.code === 'not_found') continue;
      throw error;
    }
    if (sealedBytesKeyId(sealed) === box.keyId) continue;
    let resealed: Buffer;
    try {
      resealed = resealBytes(box, sealed);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`consents.evidence (row ${row.id}): ${reason}; nothing was changed`);
    }
    const key = storageKey(row.orgId, 'application/octet-stream', 'evidence');
    await store.put(key, resealed, 'application/octet-stream');
    files.written.push(key);
    await tx.update(consents).set({ evidenceKey: key }).where(eq(consents.id, row.id));
    files.replaced.push(row.key);
    count += 1;
  }
  return count;
}
