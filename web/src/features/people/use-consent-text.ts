import type { Channel, Consent, Person, Signatory } from '@nahbar/common';
import { useTranslation } from 'react-i18next';

/** Networks a social-media consent can name; the website feed is its own purpose. */
export const SOCIAL_NETWORKS = ['bluesky', 'mastodon'] as const;

/** How consents read in words: days, scope, who signed. Shared by the table and the dialogs. */
export function useConsentText() {
  const { t, i18n } = useTranslation(['people', 'channels']);
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  // A day is a calendar date, not a moment: format it at UTC midnight so no zone shifts it.
  const day = (value: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));

  const range = (c: Pick<Consent, 'validFrom' | 'validUntil'>) =>
    c.validUntil
      ? t('consents.fromUntil', { from: day(c.validFrom), until: day(c.validUntil) })
      : t('consents.fromOpen', { from: day(c.validFrom) });

  const scope = (c: Consent, channels: Channel[]) => {
    if (c.purpose !== 'social_media') return t('consents.notApplicable');
    if (c.channelIds.length > 0)
      return c.channelIds.map((id) => channels.find((ch) => ch.id === id)?.name ?? id).join(', ');
    if (c.networks.length > 0) return c.networks.map((n) => t(`channels:networks.${n}`)).join(', ');
    return t('consents.allNetworks');
  };

  /** "Sorgeberechtigte:r 1 (Frau K.)" when the guardian is recorded. */
  const signatory = (s: Signatory | 'other', person?: Pick<Person, 'guardians'>) => {
    const role = t(`consents.signatories.${s}`);
    const index = s === 'guardian_1' ? 0 : s === 'guardian_2' ? 1 : -1;
    const name = index >= 0 ? person?.guardians[index]?.name : undefined;
    return name ? t('consents.signatoryNamed', { role, name }) : role;
  };

  const signatories = (list: readonly Signatory[], person?: Pick<Person, 'guardians'>) =>
    list.map((s) => signatory(s, person)).join(t('consents.form.and'));

  return { day, range, scope, signatory, signatories, purpose: (p: Consent['purpose']) => t(`consents.purposes.${p}`) };
}
