import type { GateReason, Signatory } from '@nahbar/common';
import type { TFunction } from 'i18next';

// The gate answers in codes with names and days; the reader's language turns them into one plain
// sentence each. Used on the privacy dashboard and wherever a blocked post is explained.

/** A calendar day ("2026-03-29") as people write it; the day is a date, so no time zone shifts it. */
export function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function signatoryList(t: TFunction<'people'>, missing: readonly Signatory[], person: string, locale: string): string {
  const names = missing.map((s) => t(`privacy.signatories.${s}`, { person }));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

/** One sentence for one reason, in the language of `t`; `locale` formats days and lists ("de-DE"). */
export function gateReasonText(t: TFunction<'people'>, reason: GateReason, locale: string): string {
  // A code such as "Mia K." at the end of a sentence would leave two full stops.
  return sentence(t, reason, locale).replace(/\.\.$/, '.');
}

function sentence(t: TFunction<'people'>, reason: GateReason, locale: string): string {
  const person = reason.personName?.trim() || t('privacy.reasons.unknownPerson');
  const date = reason.on ? formatDay(reason.on, locale) : '';
  switch (reason.code) {
    case 'no_consent':
      return t('privacy.reasons.no_consent', { person });
    case 'out_of_scope':
      return t('privacy.reasons.out_of_scope', { person });
    case 'expired':
      return date ? t('privacy.reasons.expiredOn', { person, date }) : t('privacy.reasons.expired', { person });
    case 'not_yet_valid':
      return date
        ? t('privacy.reasons.notYetValidFrom', { person, date })
        : t('privacy.reasons.not_yet_valid', { person });
    case 'withdrawn':
      return date ? t('privacy.reasons.withdrawnOn', { person, date }) : t('privacy.reasons.withdrawn', { person });
    case 'missing_signatures':
      return reason.missing && reason.missing.length > 0
        ? t('privacy.reasons.missingWho', { person, who: signatoryList(t, reason.missing, person, locale) })
        : t('privacy.reasons.missing_signatures', { person });
    case 'media_blocked':
      return t('privacy.reasons.media_blocked');
  }
}

/** The Intl locale for a UI language. */
export const localeFor = (language: string) => (language === 'en' ? 'en-GB' : 'de-DE');
