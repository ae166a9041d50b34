import type { FieldError, Language } from '@nahbar/common';
import { fieldError } from './errors.ts';

type Issue = { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> };

const plural = (n: unknown, word: 'character' | 'entry') =>
  n === 1 ? word : word === 'entry' ? 'entries' : `${word}s`;

// zod's messages are English only; these are the ones a user meets, in both languages.
function describe(issue: Issue): { code: string; de: string; en: string } {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      if (issue.message?.includes('received undefined'))
        return { code: 'required', de: 'Pflichtfeld.', en: 'Required.' };
      return { code: 'invalid_type', de: `Erwartet: ${p.expected}.`, en: `Expected ${p.expected}.` };
    case 'too_small':
      if (p.origin === 'string')
        return {
          code: 'too_short',
          de: `Mindestens ${p.minimum} Zeichen.`,
          en: `At least ${p.minimum} ${plural(p.minimum, 'character')}.`,
        };
      if (p.origin === 'array')
        return {
          code: 'too_few',
          de: `Mindestens ${p.minimum} ${p.minimum === 1 ? 'Eintrag' : 'Einträge'}.`,
          en: `At least ${p.minimum} ${plural(p.minimum, 'entry')}.`,
        };
      return { code: 'too_small', de: `Mindestens ${p.minimum}.`, en: `At least ${p.minimum}.` };
    case 'too_big':
      if (p.origin === 'string')
        return {
          code: 'too_long',
          de: `Höchstens ${p.maximum} Zeichen.`,
          en: `At most ${p.maximum} ${plural(p.maximum, 'character')}.`,
        };
      if (p.origin === 'array')
        return {
          code: 'too_many',
          de: `Höchstens ${p.maximum} ${p.maximum === 1 ? 'Eintrag' : 'Einträge'}.`,
          en: `At most ${p.maximum} ${plural(p.maximum, 'entry')}.`,
        };
      return { code: 'too_big', de: `Höchstens ${p.maximum}.`, en: `At most ${p.maximum}.` };
    case 'invalid_format':
      if (p.format === 'email')
        return { code: 'invalid_email', de: 'Keine gültige E-Mail-Adresse.', en: 'Not a valid e-mail address.' };
      return { code: 'invalid_format', de: 'Ungültiges Format.', en: 'Invalid format.' };
    case 'invalid_value':
      return {
        code: 'invalid_value',
        de: `Erlaubt: ${(p.values as unknown[] | undefined)?.join(', ') ?? '–'}.`,
        en: `Allowed: ${(p.values as unknown[] | undefined)?.join(', ') ?? '–'}.`,
      };
    case 'unrecognized_keys':
      return {
        code: 'unknown_field',
        de: `Unbekanntes Feld: ${(p.keys as string[]).join(', ')}.`,
        en: `Unknown field: ${(p.keys as string[]).join(', ')}.`,
      };
    case 'custom':
      if (issue.message === 'unknown time zone')
        return { code: 'unknown_time_zone', de: 'Unbekannte Zeitzone.', en: 'Unknown time zone.' };
      return { code: 'invalid', de: 'Ungültiger Wert.', en: 'Invalid value.' };
    default:
      return { code: issue.keyword, de: 'Ungültiger Wert.', en: 'Invalid value.' };
  }
}

export function fieldErrors(issues: Issue[], context: string | undefined, language: Language): FieldError[] {
  return issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = issue.keyword === 'unrecognized_keys' ? (issue.params.keys as string[]).join(',') : '';
    const field = [path, keys].filter(Boolean).join('.') || (context && context !== 'body' ? context : '');
    const { code, ...text } = describe(issue);
    return fieldError(field, code, text, language);
  });
}
