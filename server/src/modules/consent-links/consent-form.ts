import type { ConsentPurpose, Language, Signatory } from '@nahbar/common';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { recordAudit } from '../audit/service.ts';
import { consentText, formatDay } from './consent-text.ts';
import { renderConsentForm } from './form-pdf.ts';
import { loadPicture } from './picture.ts';
import { contactOf, loadSubject, signatoryName } from './subject.ts';

export type ConsentFormQuery = {
  purpose: ConsentPurpose;
  language: Language;
  mediaId?: string | undefined;
  networks: string[];
};

/** How a signature line is labelled; guardians are numbered only when both sign. */
export function signatoryLabel(signatory: Signatory, required: readonly Signatory[], language: Language): string {
  const numbered = required.includes('guardian_2');
  if (signatory === 'person') return language === 'de' ? 'Betroffene Person' : 'Person concerned';
  const n = signatory === 'guardian_1' ? 1 : 2;
  const base = language === 'de' ? 'Sorgeberechtigte Person' : 'Parent or guardian';
  return numbered ? `${base} ${n}` : base;
}

/** The printable form for one person and purpose, with lines for exactly who must sign today. */
export async function consentFormPdf(
  deps: Deps,
  actor: Actor,
  orgId: string,
  personId: string,
  query: ConsentFormQuery,
): Promise<Uint8Array> {
  const subject = await loadSubject(deps.db, orgId, personId, deps.clock());
  const picture = query.mediaId ? await loadPicture(deps, orgId, query.mediaId) : null;
  const text = consentText({
    language: query.language,
    organisationName: subject.organisationName,
    personName: subject.person.displayName,
    purpose: query.purpose,
    networks: query.purpose === 'social_media' ? query.networks : [],
    channelNames: [],
    withPicture: picture !== null,
    validUntil: null,
    ageGroup: subject.ageGroup,
    rules: subject.rules,
    signatory: null,
    contact: await contactOf(deps.db, actor.userId),
  });
  const pdf = await renderConsentForm({
    language: query.language,
    organisationName: subject.organisationName,
    personName: subject.person.displayName,
    text,
    picture,
    signatures: subject.required.map((s) => ({
      label: signatoryLabel(s, subject.required, query.language),
      name: signatoryName(subject.person, s),
    })),
    generatedOn: formatDay(subject.today, query.language),
  });
  await recordAudit(deps.db, actor, {
    orgId,
    action: 'consent.form_generated',
    targetType: 'person',
    targetId: personId,
    details: {
      purpose: query.purpose,
      language: query.language,
      mediaId: query.mediaId ?? null,
      signatories: subject.required,
    },
  });
  return pdf;
}
