import type { Consent, Language } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import { openBytes, sealBytes } from '../../crypto/sealed-bytes.ts';
import { consents, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { mediaStoreOf, storageKey } from '../../storage/index.ts';
import { recordAudit } from '../audit/service.ts';
import { consentRow } from './consent-service.ts';
import { consentView } from './consent-view.ts';
import { orgDay } from './org-day.ts';

// The scanned consent form. Only privacy officers read it; the store only ever holds it
// sealed (sealed-bytes.ts), so a copied bucket or backup shows nothing.

/** Scans are photos or PDFs; 15 MB like an image upload. */
export const MAX_EVIDENCE_BYTES = 15 * 1024 * 1024;

const SIGNATURES: { mime: string; ext: string; magic: number[] }[] = [
  { mime: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type the bytes themselves declare; the request's content-type is not trusted. */
export function evidenceType(bytes: Buffer): { mime: string; ext: string } {
  const found = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  if (!found) throw new AppError('evidence_type_unsupported');
  return found;
}

type OrgActor = Actor & { orgId: string; language: Language };

export async function putEvidence(
  deps: Pick<Deps, 'db' | 'clock' | 'box' | 'config' | 'media'>,
  actor: OrgActor,
  consentId: string,
  upload: { bytes: Buffer; name: string | null },
): Promise<Consent> {
  // Whose consent first: a foreign id is "not found" whatever was sent.
  await consentRow(deps.db, actor.orgId, consentId);
  if (upload.bytes.length === 0) throw new AppError('media_empty');
  const type = evidenceType(upload.bytes);
  const store = mediaStoreOf(deps);
  const key = storageKey(actor.orgId, 'application/octet-stream', 'evidence');
  await store.put(key, sealBytes(deps.box, upload.bytes), 'application/octet-stream');
  let previous: string | null = null;
  const result = await deps.db
    .transaction(async (tx) => {
      const [before] = await tx
        .select({ key: consents.evidenceKey })
        .from(consents)
        .where(and(eq(consents.orgId, actor.orgId), eq(consents.id, consentId)))
        .for('update');
      if (!before) throw new AppError('not_found');
      previous = before.key;
      const [row] = await tx
        .update(consents)
        .set({ evidenceKey: key, evidenceMime: type.mime, evidenceName: upload.name })
        .where(eq(consents.id, consentId))
        .returning();
      if (!row) throw new AppError('not_found');
      await recordAudit(tx, actor, {
        orgId: actor.orgId,
        action: 'consent.evidence_uploaded',
        targetType: 'consent',
        targetId: consentId,
        details: { personId: row.personId, mime: type.mime, size: upload.bytes.length, replaced: previous !== null },
      });
      const [recorder] = row.recordedBy
        ? await tx.select({ name: users.name }).from(users).where(eq(users.id, row.recordedBy))
        : [];
      const { today } = await orgDay(tx, actor.orgId, deps.clock());
      return consentView(row, today, recorder?.name ?? null);
    })
    .catch(async (error: unknown) => {
      // Nothing points at the new file: remove it rather than leave an orphan.
      await store.delete(key).catch(() => undefined);
      throw error;
    });
  // After the commit: a failed delete leaves an orphan sealed file, never a dangling key.
  if (previous) await store.delete(previous).catch(() => undefined);
  return result;
}

export type EvidenceFile = { bytes: Buffer; mime: string; fileName: string };

/** Opens the file for a privacy officer; every view is in the audit log. */
export async function readEvidence(
  deps: Pick<Deps, 'db' | 'box' | 'config' | 'media'>,
  actor: OrgActor,
  consentId: string,
): Promise<EvidenceFile> {
  const row = await consentRow(deps.db, actor.orgId, consentId);
  if (!row.evidenceKey || !row.evidenceMime) throw new AppError('not_found');
  const sealed = await mediaStoreOf(deps).get(row.evidenceKey);
  const bytes = openBytes(deps.box, sealed);
  await recordAudit(deps.db, actor, {
    orgId: actor.orgId,
    action: 'consent.evidence_viewed',
    targetType: 'consent',
    targetId: consentId,
    details: { personId: row.personId },
  });
  const ext = SIGNATURES.find((s) => s.mime === row.evidenceMime)?.ext ?? 'bin';
  return { bytes, mime: row.evidenceMime, fileName: `einwilligung-${consentId.slice(0, 8)}.${ext}` };
}
