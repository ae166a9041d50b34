import type { ConsentCheckResult, GateReason, PiiCategory, Signatory } from '@nahbar/common';
import type { TFunction } from 'i18next';
import { formatDay } from '../people/privacy-reason-text.ts';

// The composer's sentences for the consent gate and for a refused schedule: one plain sentence per
// reason, naming the person with their age group and the channel it is about ("Für Lena M. (Kind)
// fehlt die Einwilligung von Sorgeberechtigte:r 2 (gemeinsames Sorgerecht)").

export type ReasonContext = {
  channel: { name: string; network: string } | null;
  people: ConsentCheckResult['people'];
  locale: string;
};

function personLabel(t: TFunction<'posts'>, reason: GateReason, people: ReasonContext['people']): string {
  const name = reason.personName?.trim() || t('composerConsent.unknownPerson');
  const person = people.find((p) => p.id === reason.personId);
  return person
    ? t('composerConsent.personWithAge', { name, group: t(`composerConsent.ageGroups.${person.ageGroup}`) })
    : name;
}

function signatories(t: TFunction<'posts'>, missing: readonly Signatory[], locale: string): string {
  const names = missing.map((s) => t(`composerConsent.signatories.${s}`));
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  // A second guardian is only ever required under joint custody: say why.
  return missing.includes('guardian_2') ? `${list} ${t('composerConsent.jointCustody')}` : list;
}

export function consentReasonText(t: TFunction<'posts'>, reason: GateReason, ctx: ReasonContext): string {
  const person = personLabel(t, reason, ctx.people);
  const date = reason.on ? formatDay(reason.on, ctx.locale) : null;
  const r = 'composerConsent.reasons';
  switch (reason.code) {
    case 'no_consent':
      return t(`${r}.no_consent`, { person });
    case 'out_of_scope':
      return ctx.channel
        ? t(`${r}.outOfScopeChannel`, { person, channel: ctx.channel.name, network: networkName(ctx.channel.network) })
        : t(`${r}.out_of_scope`, { person });
    case 'expired':
      return date ? t(`${r}.expiredOn`, { person, date }) : t(`${r}.expired`, { person });
    case 'not_yet_valid':
      return date ? t(`${r}.notYetValidFrom`, { person, date }) : t(`${r}.not_yet_valid`, { person });
    case 'withdrawn':
      return date ? t(`${r}.withdrawnOn`, { person, date }) : t(`${r}.withdrawn`, { person });
    case 'missing_signatures':
      return reason.missing?.length
        ? t(`${r}.missingWho`, { person, who: signatories(t, reason.missing, ctx.locale) })
        : t(`${r}.missing_signatures`, { person });
    case 'media_blocked':
      return t(`${r}.media_blocked`);
  }
}

const NETWORKS: Record<string, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  feed: 'Website',
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  telegram: 'Telegram',
};
export const networkName = (network: string) => NETWORKS[network] ?? network;

type BlockedTarget = { channelId?: string; reasons?: GateReason[] };
type BlockedPii = { category?: PiiCategory; text?: string; field?: string };

/**
 * A refused schedule in full sentences: consent_blocked names each channel and why; pii_blocked
 * each passage. Null for other errors (the caller shows its usual message).
 */
export function blockedSendLines(
  t: TFunction<'posts'>,
  error: { code?: string; details?: unknown },
  channels: readonly { id: string; name: string; network: string }[],
  locale: string,
): string[] | null {
  if (!Array.isArray(error.details)) return null;
  if (error.code === 'consent_blocked') {
    return (error.details as BlockedTarget[]).flatMap((target) => {
      const channel = channels.find((c) => c.id === target.channelId) ?? null;
      return (target.reasons ?? []).map((reason) => {
        const text = consentReasonText(t, reason, { channel, people: [], locale });
        return channel ? t('composerConsent.onChannel', { channel: channel.name, text }) : text;
      });
    });
  }
  if (error.code === 'pii_blocked') {
    const lines = (error.details as BlockedPii[]).map((finding) =>
      t('pii.blockedLine', { label: t(`pii.categories.${finding.category ?? 'sensitive'}`), text: finding.text ?? '' }),
    );
    return [...new Set(lines)];
  }
  return null;
}
