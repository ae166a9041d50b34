import type { Language, NotificationType } from '@nahbar/common';
import { type Rendered, render } from '../mail/templates.ts';
import { notificationSummary } from './mail-texts.ts';

export type DigestItem = {
  organisation: string;
  type: NotificationType;
  params: Record<string, string>;
  url: string;
};

const MAX_ITEMS = 50;

/** The daily summary: one mail per person, the day's notifications grouped by organisation. */
export function digestMail(language: Language, p: { items: DigestItem[]; url: string }): Rendered {
  const en = language === 'en';
  const shown = p.items.slice(0, MAX_ITEMS);
  const groups = new Map<string, DigestItem[]>();
  for (const item of shown) groups.set(item.organisation, [...(groups.get(item.organisation) ?? []), item]);
  const lines: string[] = [];
  for (const [organisation, items] of groups) {
    lines.push(`${organisation}:`);
    for (const item of items) lines.push(`• ${notificationSummary(language, item.type, item)} – ${item.url}`);
  }
  const more = p.items.length - shown.length;
  if (more > 0) lines.push(en ? `… and ${more} more in nahbar.` : `… und ${more} weitere in nahbar.`);
  const count = p.items.length;
  if (en) {
    return render(
      `Your daily summary: ${count} ${count === 1 ? 'update' : 'updates'}`,
      ['Hello,', 'here is what happened in nahbar since your last summary:', ...lines],
      { label: 'Open nahbar', url: p.url },
      'You receive this summary for the notifications you chose “daily” for (Settings → Notifications).',
    );
  }
  return render(
    `Ihre tägliche Zusammenfassung: ${count} ${count === 1 ? 'Neuigkeit' : 'Neuigkeiten'}`,
    ['Guten Tag,', 'das ist in nahbar seit Ihrer letzten Zusammenfassung geschehen:', ...lines],
    { label: 'nahbar öffnen', url: p.url },
    'Sie erhalten diese Zusammenfassung für die Benachrichtigungen, die Sie auf „Täglich“ gestellt haben (Einstellungen → Benachrichtigungen).',
  );
}
