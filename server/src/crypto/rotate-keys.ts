import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, isNotNull, notLike, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import { channels, mastodonApps, oauthStates, users } from '../db/schema/index.ts';
import type { Logger } from '../logger.ts';
import { type MediaStore, mediaStoreOf } from '../storage/index.ts';
import {
  KEY_FILE,
  loadSecretKeys,
  NEXT_KEY_FILE,
  PREVIOUS_KEY_FILE,
  readKeyFile,
  syncDir,
  writeKeyFile,
} from './key-files.ts';
import { type FileRotation, resealEvidence } from './rotate-evidence.ts';
import { createSecretBox, type SecretBox } from './secret-box.ts';

type SealedColumn = { name: string; table: PgTable; key: PgColumn; value: PgColumn };

/** Every column holding sealed values. A new sealed column must be added here. */
export const SEALED_COLUMNS: SealedColumn[] = [
  { name: 'users.totp_secret', table: users, key: users.id, value: users.totpSecret },
  { name: 'channels.credentials', table: channels, key: channels.id, value: channels.credentials },
  {
    name: 'mastodon_apps.client_secret',
    table: mastodonApps,
    key: mastodonApps.instanceUrl,
    value: mastodonApps.clientSecret,
  },
  {
    name: 'oauth_states.code_verifier',
    table: oauthStates,
    key: oauthStates.stateHash,
    value: oauthStates.codeVerifier,
  },
];

export type RotationCounts = Record<string, number>;

/**
 * Re-seals every value not sealed with the box's current key, in one transaction: a value
 * no known key opens (or any other failure) leaves the database exactly as it was. With a
 * store, consent evidence files too (rotate-evidence.ts): new files are written beside the
 * old ones, which go only after the commit; a rollback removes the new ones instead.
 */
export async function rotateKeys(db: Db, box: SecretBox, store?: MediaStore): Promise<RotationCounts> {
  const files: FileRotation = { written: [], replaced: [] };
  try {
    const counts = await rotateInTransaction(db, box, store, files);
    await Promise.all(files.replaced.map((key) => store?.delete(key).catch(() => undefined)));
    return counts;
  } catch (error) {
    await Promise.all(files.written.map((key) => store?.delete(key).catch(() => undefined)));
    throw error;
  }
}

async function rotateInTransaction(
  db: Db,
  box: SecretBox,
  store: MediaStore | undefined,
  files: FileRotation,
): Promise<RotationCounts> {
  return db.transaction(async (tx) => {
    const counts: RotationCounts = {};
    for (const column of SEALED_COLUMNS) {
      const rows = await tx
        .select({ key: column.key, value: column.value })
        .from(column.table)
        .where(and(isNotNull(column.value), notLike(column.value, `v1.${box.keyId}.%`)))
        .orderBy(asc(column.key))
        .for('update');
      for (const row of rows) {
        let plain: string;
        try {
          plain = box.open(String(row.value));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${column.name} (row ${String(row.key)}): ${reason}; nothing was changed`);
        }
        await tx.execute(
          sql`update ${column.table} set ${sql.identifier(column.value.name)} = ${box.seal(plain)} where ${column.key} = ${row.key}`,
        );
      }
      counts[column.name] = rows.length;
    }
    if (store) counts['consents.evidence'] = await resealEvidence(tx, box, store, files);
    return counts;
  });
}

export type RotationReport = { mode: 'external' | 'embedded'; keyId: string; counts: RotationCounts; total: number };

function report(mode: RotationReport['mode'], keyId: string, counts: RotationCounts): RotationReport {
  return { mode, keyId, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}

/**
 * `nahbar rotate-keys`. External mode: the operator has already set the new key as
 * NAHBAR_SECRET_KEY and the old one(s) in NAHBAR_PREVIOUS_SECRET_KEYS; afterwards the old
 * ones can go. Embedded mode: a new key is generated and swapped in (see key-files.ts for
 * the order of the file steps and why a crash at any point is survivable).
 */
export async function rotateKeysCommand(config: Config, db: Db, log: Logger): Promise<RotationReport> {
  if (config.secretKey) {
    const keys = loadSecretKeys(config);
    const box = createSecretBox(keys.current, keys.previous);
    const result = report('external', box.keyId, await rotateKeys(db, box, mediaStoreOf({ config })));
    log.info(
      { counts: result.counts, keyId: result.keyId },
      'secrets re-encrypted with NAHBAR_SECRET_KEY; remove the old keys from NAHBAR_PREVIOUS_SECRET_KEYS now',
    );
    return result;
  }
  return rotateEmbedded(config, db, log);
}

async function rotateEmbedded(config: Config, db: Db, log: Logger): Promise<RotationReport> {
  const dir = config.dataDir;
  const keyFile = path.join(dir, KEY_FILE);
  const nextFile = path.join(dir, NEXT_KEY_FILE);
  const previousFile = path.join(dir, PREVIOUS_KEY_FILE);
  if (!fs.existsSync(keyFile)) throw new Error(`${keyFile} not found: nothing to rotate`);
  const old = loadSecretKeys(config);
  // A leftover .next comes from an interrupted rotation and may already seal values: reuse it.
  let next = readKeyFile(nextFile);
  const createdNext = next === undefined;
  if (!next) {
    next = randomBytes(32);
    writeKeyFile(nextFile, next);
    syncDir(dir);
  }
  const box = createSecretBox(next, [old.current, ...old.previous]);
  let counts: RotationCounts;
  try {
    counts = await rotateKeys(db, box, mediaStoreOf({ config }));
  } catch (error) {
    // Rolled back: nothing is sealed with a key generated just now, so it can go.
    if (createdNext) fs.rmSync(nextFile, { force: true });
    throw error;
  }
  // Copy then rename over, so secret.key itself never goes missing.
  const temporary = `${previousFile}.tmp`;
  fs.rmSync(temporary, { force: true });
  writeKeyFile(temporary, old.current);
  fs.renameSync(temporary, previousFile);
  fs.renameSync(nextFile, keyFile);
  syncDir(dir);
  const result = report('embedded', box.keyId, counts);
  log.info(
    { counts, keyId: box.keyId },
    `secrets re-encrypted with a new ${keyFile}; the old key stays in ${previousFile} as a backup — delete it once nahbar runs with the new key and your backups hold the new key`,
  );
  return result;
}
