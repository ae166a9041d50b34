import {
  type ConsentRequest,
  type CreateConsentRequestInput,
  createConsentRequestSchema,
  type Language,
} from '@nahbar/common';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { hashToken, newToken } from '../../crypto/tokens.ts';
import { consentRequests } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { checkPicture } from './picture.ts';
import { checkChannels, loadSubject } from './subject.ts';

export type ConsentRequestRow = typeof consentRequests.$inferSelect;

/** The public page's path; the token travels only in this link. */
export const CONSENT_LINK_PATH = '/einwilligung';

export function consentRequestView(row: ConsentRequestRow): ConsentRequest {
  return {
    id: row.id,
    personId: row.personId,
    purpose: row.purpose as ConsentRequest['purpose'],
    signatory: row.signatory as ConsentRequest['signatory'],
    mediaId: row.mediaId,
    language: row.language as Language,
    expiresAt: row.expiresAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmedName: row.confirmedName,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A new link for one signatory; the answer carries the URL, which is never shown again. */
export async function createConsentRequest(
  deps: Deps,
  actor: Actor & { language: Language },
  orgId: string,
  personId: string,
  raw: CreateConsentRequestInput,
): Promise<ConsentRequest> {
  const input = createConsentRequestSchema.parse(raw);
  const now = deps.clock();
  const subject = await loadSubject(deps.db, orgId, personId, now);
  const guardianIndex = { person: -1, guardian_1: 0, guardian_2: 1 }[input.signatory];
  if (guardianIndex >= 0 && !subject.person.guardians[guardianIndex]) {
    throw new AppError('validation_failed', [
      fieldError(
        'signatory',
        'no_guardian',
        {
          de: 'Für diese Person ist diese erziehungsberechtigte Person nicht erfasst.',
          en: 'This parent or guardian is not recorded for this person.',
        },
        actor.language,
      ),
    ]);
  }
  if (input.mediaId) await checkPicture(deps, orgId, input.mediaId);
  await checkChannels(deps.db, orgId, input.channelIds);
  const social = input.purpose === 'social_media';
  const token = newToken();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consentRequests)
      .values({
        orgId,
        personId,
        purpose: input.purpose,
        networks: social ? input.networks : [],
        channelIds: social ? input.channelIds : [],
        validUntil: input.validUntil,
        signatory: input.signatory,
        mediaId: input.mediaId,
        language: input.language,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, {
      orgId,
      action: 'consent.link_created',
      targetType: 'consent_request',
      targetId: row!.id,
      details: { personId, purpose: input.purpose, signatory: input.signatory, mediaId: input.mediaId },
    });
    const url = `${deps.config.publicUrl.replace(/\/$/, '')}${CONSENT_LINK_PATH}/${token}`;
    return { ...consentRequestView(row!), url };
  });
}

export async function listConsentRequests(
  deps: Deps,
  orgId: string,
  personId: string,
): Promise<{ items: ConsentRequest[] }> {
  await loadSubject(deps.db, orgId, personId, deps.clock());
  const rows = await deps.db
    .select()
    .from(consentRequests)
    .where(and(eq(consentRequests.orgId, orgId), eq(consentRequests.personId, personId)))
    .orderBy(desc(consentRequests.createdAt));
  return { items: rows.map(consentRequestView) };
}

/** Stops an open link; a confirmed one stays (withdraw the consent instead). */
export async function revokeConsentRequest(
  deps: Deps,
  actor: Actor,
  orgId: string,
  requestId: string,
): Promise<ConsentRequest> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(consentRequests)
      .where(and(eq(consentRequests.orgId, orgId), eq(consentRequests.id, requestId)))
      .for('update');
    if (!row) throw new AppError('not_found');
    if (row.confirmedAt || row.revokedAt) return consentRequestView(row);
    const [updated] = await tx
      .update(consentRequests)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(consentRequests.id, requestId), isNull(consentRequests.revokedAt)))
      .returning();
    await recordAudit(tx, actor, {
      orgId,
      action: 'consent.link_revoked',
      targetType: 'consent_request',
      targetId: requestId,
      details: { personId: row.personId },
    });
    return consentRequestView(updated!);
  });
}
