import { piiLexiconDe } from './pii-lexicon-de.ts';
import { piiLexiconEn } from './pii-lexicon-en.ts';
import type { RawFinding } from './pii-structured.ts';

// Word matching for the PII scan: names from the register and sensitive-category words.
//
// Term syntax: whole words, case-insensitive; `stem*` extends to the rest of the word
// („depressiv*“ → depressive, „suchtkrank*“ → suchtkranken); `*head` takes anything glued in
// front („*therapie“ → Psychotherapie); `=Word` matches only with this capitalisation („=Sucht“:
// the noun, not „sie sucht“). A phrase matches across any run of spaces. ä/ö/ü/ß also match
// ae/oe/ue/ss. Both lists run on every text: posts mix languages, and a wrong-language match of
// a sensitive word is rare. Neutral words silence a term they overlap („Therapiehund“).
//
// Names match as whole words, case-insensitive, with a German genitive ("Lenas", "Max'") or an
// English possessive ("Lena's"). Only the full register entry counts: "Lena M." does not match a
// lone "Lena" — first names alone would flag every namesake in every post.

export type SensitiveLexicon = { language: 'de' | 'en'; terms: readonly string[]; neutral: readonly string[] };

const LETTER = '[\\p{L}\\p{N}]';
const UMLAUTS: Record<string, string> = { ä: '(?:ä|ae)', ö: '(?:ö|oe)', ü: '(?:ü|ue)', ß: '(?:ß|ss)' };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One term as a regular expression source; its flags say whether it ignores case. */
export function termPattern(term: string): { source: string; ignoreCase: boolean } {
  const caseSensitive = term.startsWith('=');
  let body = caseSensitive ? term.slice(1) : term;
  const head = body.startsWith('*');
  const stem = body.endsWith('*');
  body = body.replace(/^\*|\*$/g, '');
  const core = [...body]
    .map((ch) => {
      if (/\s/.test(ch)) return '\\s+';
      const lower = ch.toLowerCase();
      return !caseSensitive && UMLAUTS[lower] ? UMLAUTS[lower] : escapeRegExp(ch);
    })
    .join('')
    .replace(/(\\s\+)+/g, '\\s+');
  const before = head ? `(?<!${LETTER})\\p{L}*` : `(?<!${LETTER})`;
  const after = stem ? '\\p{L}*' : `(?!${LETTER})`;
  return { source: `${before}${core}${after}`, ignoreCase: !caseSensitive };
}

type CompiledTerm = { word: string; re: RegExp };

function compile(terms: readonly string[]): CompiledTerm[] {
  return terms
    .map((term) => term.trim())
    .filter((term) => term.replace(/[=*]/g, '').length >= 2)
    .map((term) => {
      const { source, ignoreCase } = termPattern(term);
      return { word: term.replace(/[=*]/g, '').toLowerCase(), re: new RegExp(source, ignoreCase ? 'giu' : 'gu') };
    });
}

const BUILT_IN = compile([...piiLexiconDe.terms, ...piiLexiconEn.terms]);
const NEUTRAL = compile([...piiLexiconDe.neutral, ...piiLexiconEn.neutral]);
const extraCache = new Map<string, CompiledTerm[]>();

function spans(terms: readonly CompiledTerm[], text: string) {
  return terms.flatMap(({ word, re }) =>
    [...text.matchAll(re)].map((m) => ({ word, start: m.index, end: m.index + m[0].length })),
  );
}

export function findSensitiveWords(text: string, extra: readonly string[] = []): RawFinding[] {
  const key = extra.join('\u0000');
  let own = extraCache.get(key);
  if (!own) {
    // An organisation's own words are plain words unless they use the syntax themselves.
    own = compile(extra);
    if (extraCache.size > 50) extraCache.clear();
    extraCache.set(key, own);
  }
  const neutral = spans(NEUTRAL, text);
  return spans([...BUILT_IN, ...own], text)
    .filter((hit) => !neutral.some((n) => n.start < hit.end && hit.start < n.end))
    .map((hit) => ({ category: 'sensitive', ...hit }));
}

export function findNames(text: string, names: readonly { personId: string; name: string }[]): RawFinding[] {
  const found: RawFinding[] = [];
  for (const { personId, name } of names) {
    const trimmed = name.trim();
    if (trimmed.length < 2) continue;
    const core = escapeRegExp(trimmed).replace(/\s+/g, '\\s+');
    const possessive = /\p{L}$/u.test(trimmed) ? "(?:s|'s|’s|'|’)?" : '';
    const re = new RegExp(`(?<!${LETTER})${core}${possessive}(?!${LETTER})`, 'giu');
    for (const m of text.matchAll(re)) {
      found.push({ category: 'person_name', start: m.index, end: m.index + m[0].length, personId });
    }
  }
  return found;
}
