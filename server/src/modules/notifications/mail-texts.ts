import type { Language, NotificationType } from '@nahbar/common';
import { channelNeedsReconnectMail, type Rendered, render } from '../mail/templates.ts';

type Wording = { subject: string; lines: string[]; action: string };
type Input = { params: Record<string, string>; organisation: string };

const SETTINGS = {
  de: 'Welche Nachrichten Sie sofort, täglich oder gar nicht per E-Mail erhalten, legen Sie in nahbar unter Einstellungen → Benachrichtigungen fest.',
  en: 'Choose which news you get by e-mail at once, daily or not at all in nahbar under Settings → Notifications.',
};

/**
 * Why a publish failed, in the reader's words. The network's own text is added where it is the
 * reason (a refusal, an outage, a rejected login); a failed consent or approval check stays
 * general, so no client's name travels by e-mail. Older notifications carry only `reason`.
 */
const FAILURE_REASONS: Record<Language, Record<string, string>> = {
  de: {
    transient: 'Das Netzwerk war wiederholt nicht erreichbar.',
    auth: 'Der Kanal hat die Zugangsdaten abgelehnt; bitte verbinden Sie ihn neu.',
    rejected: 'Das Netzwerk hat den Beitrag abgelehnt.',
    consent: 'Für eine gezeigte oder genannte Person fehlt eine gültige Einwilligung.',
    approval: 'Der Beitrag braucht eine Freigabe, die noch fehlt.',
    internal: 'In nahbar ist ein unerwarteter Fehler aufgetreten.',
  },
  en: {
    transient: 'The network could not be reached, repeatedly.',
    auth: 'The channel refused its credentials; please connect it again.',
    rejected: 'The network refused the post.',
    consent: 'A person shown or named has no valid consent.',
    approval: 'The post needs an approval it does not have yet.',
    internal: 'An unexpected error occurred in nahbar.',
  },
};
const WITH_NETWORK_TEXT = new Set(['transient', 'auth', 'rejected']);

function failureReason(p: Record<string, string>, language: Language): string {
  const words = p.kind ? FAILURE_REASONS[language][p.kind] : undefined;
  if (!words) return p.reason ?? '';
  if (!WITH_NETWORK_TEXT.has(p.kind!) || !p.reason) return words;
  return language === 'de'
    ? `${words} Meldung des Netzwerks: „${p.reason}“`
    : `${words} The network says: “${p.reason}”`;
}

// Params are what the event knows; a missing one (older rows, later types) reads as empty.
const WORDINGS: Record<NotificationType, Record<Language, (p: Record<string, string>, org: string) => Wording>> = {
  publish_failed: {
    de: (p, org) => ({
      subject: `Beitrag bei ${p.channel} nicht veröffentlicht`,
      lines: [
        `Der Beitrag „${p.post}“ konnte bei ${p.channel} (${org}) nicht veröffentlicht werden.`,
        `Grund: ${failureReason(p, 'de')}`,
        'Bitte prüfen Sie den Beitrag; danach können Sie ihn erneut veröffentlichen.',
      ],
      action: 'Beitrag öffnen',
    }),
    en: (p, org) => ({
      subject: `Post not published on ${p.channel}`,
      lines: [
        `The post “${p.post}” could not be published on ${p.channel} (${org}).`,
        `Reason: ${failureReason(p, 'en')}`,
        'Please check the post; you can then publish it again.',
      ],
      action: 'Open post',
    }),
  },
  channel_needs_reconnect: {
    de: (p) => ({ subject: `${p.channel} muss neu verbunden werden`, lines: [], action: 'Kanäle öffnen' }),
    en: (p) => ({ subject: `${p.channel} must be connected again`, lines: [], action: 'Open channels' }),
  },
  review_requested: {
    de: (p, org) => ({
      subject: `Freigabe erbeten: „${p.post}“`,
      lines: [`${p.author} bittet Sie um Freigabe für den Beitrag „${p.post}“ (${org}).`],
      action: 'Beitrag prüfen',
    }),
    en: (p, org) => ({
      subject: `Approval requested: “${p.post}”`,
      lines: [`${p.author} asks you to approve the post “${p.post}” (${org}).`],
      action: 'Review post',
    }),
  },
  changes_requested: {
    de: (p, org) => ({
      subject: `Änderungen erbeten: „${p.post}“`,
      lines: [
        `${p.reviewer} bittet um Änderungen am Beitrag „${p.post}“ (${org}).`,
        ...(p.comment ? [`Kommentar: „${p.comment}“`] : []),
      ],
      action: 'Beitrag bearbeiten',
    }),
    en: (p, org) => ({
      subject: `Changes requested: “${p.post}”`,
      lines: [
        `${p.reviewer} asks for changes to the post “${p.post}” (${org}).`,
        ...(p.comment ? [`Comment: “${p.comment}”`] : []),
      ],
      action: 'Edit post',
    }),
  },
  rejected: {
    de: (p, org) => ({
      subject: `Nicht freigegeben: „${p.post}“`,
      lines: [
        `${p.reviewer} hat den Beitrag „${p.post}“ (${org}) abgelehnt. So wird er nicht veröffentlicht.`,
        ...(p.comment ? [`Begründung: „${p.comment}“`] : []),
      ],
      action: 'Beitrag öffnen',
    }),
    en: (p, org) => ({
      subject: `Not approved: “${p.post}”`,
      lines: [
        `${p.reviewer} rejected the post “${p.post}” (${org}). It will not be published as it is.`,
        ...(p.comment ? [`Reason: “${p.comment}”`] : []),
      ],
      action: 'Open post',
    }),
  },
  reply_review_requested: {
    de: (p, org) => ({
      subject: `Antwort zur Freigabe: „${p.comment}“`,
      lines: [
        `${p.author} hat eine Antwort auf den Kommentar „${p.comment}“ (${p.channel}, ${org}) geschrieben und bittet Sie um Freigabe.`,
        'Erst nach Ihrer Freigabe wird die Antwort gesendet.',
      ],
      action: 'Antwort prüfen',
    }),
    en: (p, org) => ({
      subject: `Answer to approve: “${p.comment}”`,
      lines: [
        `${p.author} wrote an answer to the comment “${p.comment}” (${p.channel}, ${org}) and asks for your approval.`,
        'The answer is sent only once you approve it.',
      ],
      action: 'Review answer',
    }),
  },
  approved: {
    de: (p, org) => ({
      subject: `Freigegeben: „${p.post}“`,
      lines: [`${p.reviewer} hat den Beitrag „${p.post}“ (${org}) freigegeben.`],
      action: 'Beitrag öffnen',
    }),
    en: (p, org) => ({
      subject: `Approved: “${p.post}”`,
      lines: [`${p.reviewer} approved the post “${p.post}” (${org}).`],
      action: 'Open post',
    }),
  },
  review_overdue: {
    de: (p, org) => ({
      subject: `Freigabe überfällig: „${p.post}“`,
      lines: [
        `Der Beitrag „${p.post}“ (${org}) wartet im Schritt „${p.step}“ länger als vorgesehen auf eine Entscheidung.`,
        'Bitte klären Sie, wer ihn freigeben kann.',
      ],
      action: 'Beitrag öffnen',
    }),
    en: (p, org) => ({
      subject: `Approval overdue: “${p.post}”`,
      lines: [
        `The post “${p.post}” (${org}) has waited longer than planned for a decision in the step “${p.step}”.`,
        'Please make sure someone can approve it.',
      ],
      action: 'Open post',
    }),
  },
  consent_expiring: {
    de: (p, org) => ({
      subject: `Einwilligung läuft ab: ${p.person}`,
      lines: [
        `Die Einwilligung von ${p.person} (${org}) läuft am ${p.expiresOn} ab.`,
        'Beiträge, auf denen diese Person zu sehen ist, können danach nicht mehr erscheinen.',
      ],
      action: 'Einwilligung öffnen',
    }),
    en: (p, org) => ({
      subject: `Consent expiring: ${p.person}`,
      lines: [
        `The consent of ${p.person} (${org}) expires on ${p.expiresOn}.`,
        'Posts showing this person cannot be published after that.',
      ],
      action: 'Open consent',
    }),
  },
};

const withBlanks = (params: Record<string, string>) =>
  new Proxy(params, { get: (target, key: string) => target[key] ?? '' }) as Record<string, string>;

/** The one line a notification is known by: the mail subject, a line in the daily summary. */
export function notificationSummary(language: Language, type: NotificationType, input: Input): string {
  return WORDINGS[type][language](withBlanks(input.params), input.organisation).subject;
}

/** The e-mail for one notification, sent at once. */
export function notificationMail(language: Language, input: Input & { type: NotificationType; url: string }): Rendered {
  const p = withBlanks(input.params);
  if (input.type === 'channel_needs_reconnect') {
    // The wording owners and admins already knew before the notification centre existed.
    return channelNeedsReconnectMail(language, {
      organisation: input.organisation,
      channel: p.channel ?? '',
      networkMessage: p.reason ?? '',
      url: input.url,
    });
  }
  const wording = WORDINGS[input.type][language](p, input.organisation);
  const hello = language === 'en' ? 'Hello,' : 'Guten Tag,';
  return render(
    wording.subject,
    [hello, ...wording.lines],
    { label: wording.action, url: input.url },
    SETTINGS[language],
  );
}
