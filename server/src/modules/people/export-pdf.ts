import type { Language, PersonExport } from '@nahbar/common';
import { pdfWriter } from './pdf-writer.ts';

// The data-subject export as a document a person can read: the same content as export.json,
// labelled in the privacy officer's language, times in the organisation's zone.

const L = {
  de: {
    title: 'Auskunft über gespeicherte Daten (Art. 15 DSGVO)',
    exportedAt: 'Erstellt am',
    person: 'Person',
    displayName: 'Anzeigename',
    kind: 'Art',
    birthDate: 'Geburtsdatum',
    ageBand: 'Altersgruppe',
    guardians: 'Sorgeberechtigte',
    jointCustody: 'Gemeinsames Sorgerecht',
    notes: 'Notizen',
    consents: 'Einwilligungen',
    purpose: 'Zweck',
    scope: 'Umfang',
    valid: 'Gültig',
    givenBy: 'Erteilt von',
    status: 'Stand heute',
    withdrawal: 'Widerruf',
    evidence: 'Nachweis',
    requests: 'Einwilligungslinks',
    media: 'Bilder, auf denen die Person markiert ist',
    posts: 'Beiträge',
    audit: 'Protokoll',
    none: 'Keine Einträge.',
    yes: 'ja',
    no: 'nein',
    until: 'bis',
    open: 'unbefristet',
    depicted: 'abgebildet',
    named: 'genannt',
    all: 'alle',
    confirmed: 'bestätigt',
    revoked: 'zurückgezogen',
    expires: 'gültig bis',
    created: 'erstellt',
  },
  en: {
    title: 'Access to stored data (Art. 15 GDPR)',
    exportedAt: 'Created on',
    person: 'Person',
    displayName: 'Display name',
    kind: 'Kind',
    birthDate: 'Birth date',
    ageBand: 'Age band',
    guardians: 'Guardians',
    jointCustody: 'Joint custody',
    notes: 'Notes',
    consents: 'Consents',
    purpose: 'Purpose',
    scope: 'Scope',
    valid: 'Valid',
    givenBy: 'Given by',
    status: 'Status today',
    withdrawal: 'Withdrawal',
    evidence: 'Evidence',
    requests: 'Consent links',
    media: 'Images the person is tagged in',
    posts: 'Posts',
    audit: 'Log',
    none: 'No entries.',
    yes: 'yes',
    no: 'no',
    until: 'until',
    open: 'open-ended',
    depicted: 'depicted',
    named: 'named',
    all: 'all',
    confirmed: 'confirmed',
    revoked: 'revoked',
    expires: 'valid until',
    created: 'created',
  },
} as const;

export async function personExportPdf(
  data: PersonExport,
  options: { language: Language; timeZone: string },
): Promise<Uint8Array> {
  const t = L[options.language];
  const time = (iso: string) =>
    new Intl.DateTimeFormat(options.language === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: options.timeZone,
    }).format(new Date(iso));
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  const pdf = await pdfWriter({ title: t.title, language: options.language });
  const p = data.person;

  pdf.title(t.title);
  pdf.field(t.exportedAt, time(data.exportedAt));
  pdf.heading(t.person);
  pdf.field(t.displayName, p.displayName);
  pdf.field(t.kind, p.kind);
  pdf.field(t.birthDate, p.birthDate ?? '–');
  pdf.field(t.ageBand, p.ageBand ?? p.ageGroup);
  pdf.field(t.guardians, p.guardians.map((g) => (g.contact ? `${g.name} (${g.contact})` : g.name)).join('\n') || '–');
  pdf.field(t.jointCustody, yesNo(p.jointCustody));
  pdf.field(t.notes, p.notes ?? '–');

  pdf.heading(t.consents);
  if (data.consents.length === 0) pdf.paragraph(t.none);
  for (const c of data.consents) {
    const scope = [...c.networks, ...c.channelIds].join(', ') || t.all;
    pdf.field(t.purpose, `${c.purpose} (${c.form}, ${c.source})`);
    if (c.purpose === 'social_media') pdf.field(t.scope, scope);
    pdf.field(t.valid, `${c.validFrom} ${t.until} ${c.validUntil ?? t.open}`);
    pdf.field(t.givenBy, c.givenBy.join(', '));
    pdf.field(t.status, c.status);
    if (c.withdrawal) pdf.field(t.withdrawal, `${c.withdrawal.on}, ${c.withdrawal.by}, ${c.withdrawal.how}`);
    pdf.field(t.evidence, yesNo(c.hasEvidence));
    pdf.gap();
  }

  pdf.heading(t.requests);
  if (data.consentRequests.length === 0) pdf.paragraph(t.none);
  for (const r of data.consentRequests) {
    const state = r.confirmedAt
      ? `${t.confirmed} ${time(r.confirmedAt)}`
      : r.revokedAt
        ? `${t.revoked} ${time(r.revokedAt)}`
        : `${t.expires} ${time(r.expiresAt)}`;
    pdf.paragraph(`${r.purpose} · ${r.signatory}: ${t.created} ${time(r.createdAt)}, ${state}`);
  }

  pdf.heading(t.media);
  if (data.media.length === 0) pdf.paragraph(t.none);
  for (const m of data.media) pdf.field(time(m.taggedAt), m.mediaId);

  pdf.heading(t.posts);
  if (data.posts.length === 0) pdf.paragraph(t.none);
  for (const post of data.posts) {
    pdf.field(t[post.how], post.excerpt);
    for (const target of post.targets) {
      pdf.field('', `${target.channelName}: ${target.state}${target.remoteUrl ? ` – ${target.remoteUrl}` : ''}`);
    }
    pdf.gap();
  }

  pdf.heading(t.audit);
  if (data.audit.length === 0) pdf.paragraph(t.none);
  for (const entry of data.audit) pdf.field(time(entry.at), entry.action);
  return pdf.save();
}
