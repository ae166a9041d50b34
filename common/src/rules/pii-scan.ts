// Text check for personal data (PII) in a post: runs live in the composer, at scheduling and at
// approval. Warnings with the exact span, so the composer can highlight them; the organisation
// decides which categories block. Implemented in the people & consent work (issue #5).
//
// Detectors: pii-structured.ts (phone, e-mail, IBAN, birth date), pii-address.ts (addresses),
// pii-words.ts (register names, sensitive words; lists in pii-lexicon-de/en.ts). Links are
// never scanned (a URL's path is no personal data of its own); hashtags and @handles are not
// scanned for numbers („#2024“), but their words count („#ADHS“ is a topic that sticks).
//
// Overlaps: one finding per stretch of text. The more specific kind wins (IBAN over phone
// number, e-mail over name, address over name, a name over a sensitive word), then the longer.

import type { PiiCategory } from '../schemas/people.ts';
import { findAddresses } from './pii-address.ts';
import { findBirthDates, findEmails, findIbans, findPhones, type RawFinding } from './pii-structured.ts';
import { findNames, findSensitiveWords } from './pii-words.ts';

export type PiiFinding = {
  category: PiiCategory;
  /** UTF-16 offsets into the text, end exclusive (as String.prototype.slice). */
  start: number;
  end: number;
  text: string;
  blocking: boolean;
  /** person_name: the register entry it matched. */
  personId?: string;
  /** sensitive: the list word that matched (lower case). */
  word?: string;
};

export type PiiScanOptions = {
  /** Display names (and guardians' names) from the register. */
  names?: readonly { personId: string; name: string }[];
  /** The organisation's own sensitive words, added to the built-in German and English lists. */
  sensitiveWords?: readonly string[];
  blocking?: readonly PiiCategory[];
};

/** Higher wins an overlap. */
const SPECIFICITY: Record<PiiCategory, number> = {
  iban: 7,
  email: 6,
  birth_date: 5,
  phone: 4,
  address: 3,
  person_name: 2,
  sensitive: 1,
};

const LINK_RE = /(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const TAG_RE = /(?<![\p{L}\p{N}_])[#@][\p{L}\p{N}_.]+/gu;

function ranges(re: RegExp, text: string): { start: number; end: number }[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export function scanText(text: string, options: PiiScanOptions = {}): PiiFinding[] {
  if (text.trim() === '') return [];
  const links = ranges(LINK_RE, text);
  const tags = ranges(TAG_RE, text);
  const numeric = [...findPhones(text), ...findIbans(text), ...findBirthDates(text), ...findAddresses(text)].filter(
    (f) => !tags.some((tag) => overlaps(tag, f)),
  );
  const candidates: RawFinding[] = [
    ...findEmails(text),
    ...numeric,
    ...findNames(text, options.names ?? []),
    ...findSensitiveWords(text, options.sensitiveWords ?? []),
  ].filter((f) => f.end > f.start && !links.some((link) => overlaps(link, f)));

  candidates.sort(
    (a, b) =>
      SPECIFICITY[b.category] - SPECIFICITY[a.category] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: RawFinding[] = [];
  for (const candidate of candidates) {
    if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  }
  const blocking = new Set(options.blocking ?? []);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((f) => ({
      category: f.category,
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      blocking: blocking.has(f.category),
      ...(f.personId ? { personId: f.personId } : {}),
      ...(f.word ? { word: f.word } : {}),
    }));
}
