import { type Language, type PiiCategory, type PiiFinding, scanText } from '@nahbar/common';
import type { Deps } from '../../deps.ts';
import { loadPiiContext } from './pii-context.ts';
import { loadPrivacySettings } from './settings.ts';

const LABELS: Record<PiiCategory, { de: string; en: string }> = {
  phone: { de: 'Telefonnummer', en: 'Phone number' },
  email: { de: 'E-Mail-Adresse', en: 'E-mail address' },
  address: { de: 'Anschrift', en: 'Address' },
  iban: { de: 'IBAN', en: 'IBAN' },
  birth_date: { de: 'Geburtsdatum', en: 'Date of birth' },
  person_name: { de: 'Name aus dem Personenregister', en: 'Name from the people register' },
  sensitive: { de: 'Besonders schützenswerte Angabe', en: 'Sensitive information' },
};

/**
 * The PII check at scheduling (and later approval): the blocking findings in these texts, with
 * the organisation's register names, its own words and its choice of blocking categories.
 * Scheduling throws pii_blocked when this is not empty. Each finding carries a `message` in the
 * caller's language, so any client can show the details without knowing the categories.
 */
export async function blockingPiiFindings(
  deps: Deps,
  orgId: string,
  texts: readonly { field: string; text: string }[],
  language: Language,
): Promise<(PiiFinding & { field: string })[]> {
  // Most organisations block nothing: then the register is not even read.
  const settings = await loadPrivacySettings(deps.db, orgId);
  if (settings.piiBlocking.length === 0 || texts.every((t) => t.text.trim() === '')) return [];
  const names = settings.piiBlocking.includes('person_name') ? (await loadPiiContext(deps.db, orgId)).names : [];
  const options = { names, sensitiveWords: settings.sensitiveWords, blocking: settings.piiBlocking };
  return texts.flatMap(({ field, text }) =>
    scanText(text, options)
      .filter((finding) => finding.blocking)
      .map((finding) => ({
        ...finding,
        field,
        message: `${LABELS[finding.category][language]}: ${language === 'de' ? `„${finding.text}“` : `“${finding.text}”`}`,
      })),
  );
}
