import type { Language, PublicConsentRequest, Signatory } from '@nahbar/common';
import { eq } from 'drizzle-orm';
import { hashToken } from '../../crypto/tokens.ts';
import type { DbOrTx } from '../../db/open.ts';
import { consentRequests, consents } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { consentText } from './consent-text.ts';
import { loadPicture, type Picture } from './picture.ts';
import type { ConsentRequestRow } from './requests.ts';
import { channelNames, contactOf, loadSubject, signatoryName } from './subject.ts';

// What the person behind a link sees and does, without an account. The token is looked up by
// its hash only; an unknown token is 404, a link that can no longer be used is 410.

type LinkState = PublicConsentRequest['state'];

export function linkState(row: ConsentRequestRow, now: Date): LinkState {
  if (row.confirmedAt) return 'confirmed';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

async function byToken(db: DbOrTx, token: string, lock = false): Promise<ConsentRequestRow> {
  const query = db
    .select()
    .from(consentRequests)
    .where(eq(consentRequests.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

export function publicImagePath(token: string): string {
  return `/api/public/consent-requests/${encodeURIComponent(token)}/image`;
}

async function view(deps: Deps, db: DbOrTx, row: ConsentRequestRow, token: string): Promise<PublicConsentRequest> {
  const now = deps.clock();
  const state = linkState(row, now);
  const subject = await loadSubject(db, row.orgId, row.personId, now);
  const language = row.language as Language;
  const signatory = row.signatory as Signatory;
  const text = consentText({
    language,
    organisationName: subject.organisationName,
    personName: subject.person.displayName,
    purpose: row.purpose as PublicConsentRequest['purpose'],
    networks: row.networks,
    channelNames: await channelNames(db, row.orgId, row.channelIds),
    withPicture: row.mediaId !== null,
    validUntil: row.validUntil,
    ageGroup: subject.ageGroup,
    rules: subject.rules,
    signatory,
    contact: await contactOf(db, row.createdBy),
  });
  // A link that can no longer be used says so, and shows no more than whose it was.
  const readable = state === 'open' || state === 'confirmed';
  return {
    organisationName: subject.organisationName,
    personName: subject.person.displayName,
    signatory,
    signatoryName: signatoryName(subject.person, signatory),
    purpose: row.purpose as PublicConsentRequest['purpose'],
    scopeText: text.scopeText,
    validUntil: row.validUntil,
    language,
    text: readable ? [...text.paragraphs, text.declaration] : [],
    imageUrl: state === 'open' && row.mediaId ? publicImagePath(token) : null,
    state,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

export async function publicConsentRequest(deps: Deps, token: string): Promise<PublicConsentRequest> {
  return view(deps, deps.db, await byToken(deps.db, token), token);
}

/** The picture, re-encoded small, only while the link is open. */
export async function publicConsentImage(deps: Deps, token: string): Promise<Picture> {
  const row = await byToken(deps.db, token);
  if (linkState(row, deps.clock()) !== 'open' || !row.mediaId) throw new AppError('consent_link_invalid');
  return loadPicture(deps, row.orgId, row.mediaId);
}

/**
 * The consent, recorded in one transaction with the link's use: form digital, source link,
 * given by the link's signatory from today (in the organisation's zone). A second confirm,
 * or one after expiry or revocation, is 410.
 */
export async function confirmConsentRequest(
  deps: Deps,
  ip: string | null,
  token: string,
  input: { name: string },
): Promise<PublicConsentRequest> {
  return deps.db.transaction(async (tx) => {
    const row = await byToken(tx, token, true);
    const now = deps.clock();
    if (linkState(row, now) !== 'open') throw new AppError('consent_link_invalid');
    const subject = await loadSubject(tx, row.orgId, row.personId, now);
    // The period asked for is already over: nothing valid could be recorded.
    if (row.validUntil !== null && row.validUntil < subject.today) throw new AppError('consent_link_invalid');
    const [consent] = await tx
      .insert(consents)
      .values({
        orgId: row.orgId,
        personId: row.personId,
        purpose: row.purpose,
        networks: row.networks,
        channelIds: row.channelIds,
        validFrom: subject.today,
        validUntil: row.validUntil,
        form: 'digital',
        givenBy: [row.signatory],
        mediaId: row.mediaId,
        source: 'link',
        createdAt: now,
      })
      .returning({ id: consents.id });
    const [updated] = await tx
      .update(consentRequests)
      .set({ confirmedAt: now, confirmedName: input.name, confirmedIp: ip, consentId: consent!.id })
      .where(eq(consentRequests.id, row.id))
      .returning();
    await recordAudit(
      tx,
      { userId: null, ip },
      {
        orgId: row.orgId,
        action: 'consent.link_confirmed',
        targetType: 'consent',
        targetId: consent!.id,
        details: { requestId: row.id, personId: row.personId, signatory: row.signatory },
      },
    );
    return view(deps, tx, updated!, token);
  });
}
