import type { InboxClass } from '../schemas/inbox.ts';
import { lexiconDe } from './inbox-lexicon-de.ts';
import { lexiconEn } from './inbox-lexicon-en.ts';

// Classifies an inbox item by words and signals — transparent, local, no outside service. Every
// hit is returned with its span in the original text, so the inbox can show why.
//
// Matching works on a normalised copy of the text (lower case, ä→ae ö→oe ü→ue ß→ss, accents
// dropped, URLs and @handles blanked) that remembers where each character came from. Terms match
// whole words; `stem*` and `*head` extend to the rest of the word (German inflection and
// compounds: `idiot*` → Idioten, `*idiot` → Vollidiot), a phrase matches across any spaces or
// punctuation, and `…` in a phrase stands for up to three other words.
//
// Both lexicons are applied to every text (comments mix languages). Words that mean something
// else in the other language sit in `falseFriend` groups: they only count when the text looks
// like their language (more of its common words than of the other's): English "bad" is not
// the German "Bad", German "toll" not the English toll.
//
// Overlaps: a hit inside a longer hit is dropped ("gefällt mir nicht" beats "gefällt mir",
// "er bringt mich noch um" beats the idiom "bringt mich noch um"). Neutral idioms ("Schwein
// gehabt", "to die for", "vor Lachen") are never reported; they only silence what they overlap.
//
// Negation rule: a negation word (nicht, kein…, nie, ohne; not, no, never, …n't, without) among
// the three words before a praise or criticism term, in the same clause (no , . ; : ! ? or
// aber/but/sondern in between), and not followed by nur/only/just:
//   - criticism is dropped: „nicht schlecht“, „kein Problem“, "not bad" are not complaints, and
//     reading understatement as praise is too unreliable;
//   - evaluative praise flips to criticism, with the negation in the span: „nicht toll“,
//     "not great"; thanks are just dropped („nichts zu danken“, "no thanks").
// Hostile, crisis, counselling and question terms ignore negations: „ihr seid doch keine
// Menschen“ is dehumanising, „ich will nicht mehr leben“ carries its negation inside the phrase,
// and a missed crisis costs far more than a false alarm a person clears with one click.

export type TermClass = InboxClass | 'neutral';
export type LexiconGroup = {
  class: TermClass;
  /** What a negation before a term does; default: praise flips, criticism drops, others keep. */
  negated?: 'flip' | 'drop' | 'keep';
  /** Only when the text looks like this lexicon's language (see above). */
  falseFriend?: boolean;
  /** Only at the start of a sentence (question openers like Wann/When). */
  sentenceStart?: boolean;
  terms: readonly string[];
};
export type Lexicon = {
  language: 'de' | 'en';
  /** Frequent function words, to guess the language of a text. */
  stopwords: readonly string[];
  negations: readonly string[];
  /** Words after a negation that make it not negate the term: „nicht nur“, "not only". */
  negationExceptions: readonly string[];
  /** Words that end the negation window like a comma: „aber“, "but". */
  clauseBreaks: readonly string[];
  /** Greetings skipped before a sentence-start question opener („Hallo zusammen, wann …“). */
  greetings: readonly string[];
  groups: readonly LexiconGroup[];
};

export type ClassSignal = { class: InboxClass; term: string; start: number; end: number };
export type Classification = {
  classes: InboxClass[];
  primary: InboxClass | null;
  priority: number;
  signals: ClassSignal[];
};
export type ExtraTerm = { class: InboxClass; term: string };

/** Priority per class; ties are broken by this order. */
export const CLASS_PRIORITY: Readonly<Record<InboxClass, number>> = {
  crisis: 3,
  hostile: 2,
  counselling: 2,
  question: 1,
  criticism: 1,
  praise: 0,
};
const CLASS_ORDER = Object.keys(CLASS_PRIORITY) as InboxClass[];

const LEXICONS = [lexiconDe, lexiconEn] as const;
const WORD = /[\p{L}\p{N}]/u;
const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Lower case, umlauts spelled out, accents dropped, typographic apostrophes straightened. */
const charCache = new Map<string, string>();
function normaliseChar(ch: string): string {
  let mapped = charCache.get(ch);
  if (mapped === undefined) {
    mapped = normaliseUncached(ch);
    if (charCache.size < 5000) charCache.set(ch, mapped);
  }
  return mapped;
}

function normaliseUncached(ch: string): string {
  const lower = ch.toLowerCase();
  const umlaut = UMLAUTS[lower];
  if (umlaut) return umlaut;
  if (/[’‘`´]/.test(lower)) return "'";
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

function normaliseTerm(term: string): string {
  return [...term].map(normaliseChar).join('');
}

type Normalised = { text: string; from: number[]; to: number[] };

// URLs and @handles are blanked: "@idiotenfrei" or a "?" in a link are no signal.
const BLANKED = /https?:\/\/\S+|www\.\S+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}_.-]+)?/giu;

function normalise(original: string): Normalised {
  const blank = new Uint8Array(original.length);
  for (const m of original.matchAll(BLANKED)) blank.fill(1, m.index, m.index + m[0].length);
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of original) {
    const end = i + ch.length;
    let mapped: string;
    if (blank[i]) mapped = ' ';
    else if (ch === '\u0308' && /[aou]$/.test(text))
      mapped = 'e'; // a + combining diaeresis
    else mapped = normaliseChar(ch);
    if (mapped === '' && to.length > 0) to[to.length - 1] = end; // a dropped mark joins its letter
    text += mapped;
    // One entry per UTF-16 unit, as regex indices count them (an emoji is two).
    for (let k = 0; k < mapped.length; k++) {
      from.push(i);
      to.push(end);
    }
    i = end;
  }
  return { text, from, to };
}

const SEP = '[^\\p{L}\\p{N}]+';
const GAP = `(?:${SEP}[\\p{L}\\p{N}]+){0,3}`;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordSource(word: string): string {
  const head = word.startsWith('*');
  const tail = word.endsWith('*') && word.length > 1;
  const core = word.slice(head ? 1 : 0, tail ? -1 : undefined);
  const body = [...core].map((c) => (c === "'" ? "'?" : c === '-' ? '[^\\p{L}\\p{N}]*' : escapeRegex(c))).join('');
  const stretch = '[\\p{L}\\p{N}]*';
  return `${head ? stretch : ''}${body}${tail ? stretch : ''}`;
}

/** A lexicon term → a regular expression over normalised text (see the syntax above). */
function compileTerm(term: string): RegExp {
  const words = normaliseTerm(term.trim())
    .split(/[\s,;:.!?]+/)
    .filter(Boolean);
  const source = words.map((w) => (w === '…' || w === '...' ? GAP : wordSource(w))).join(SEP);
  const source2 = source.replaceAll(`${SEP}${GAP}${SEP}`, `${GAP}${SEP}`);
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  const left = WORD.test(first.replace(/^\*/, '')[0] ?? '') ? '(?<![\\p{L}\\p{N}])' : '';
  const right = WORD.test(last.replace(/\*$/, '').at(-1) ?? '') ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${left}${source2}${right}`, 'gu');
}

type CompiledGroup = Omit<LexiconGroup, 'terms' | 'falseFriend'> & {
  /** Set for false friends: the language the text must look like. */
  language?: Lexicon['language'];
  pattern: RegExp;
};

/**
 * One regular expression per group, longest terms first so "gut gemacht" wins over "gut" at the
 * same place; ~600 separate expressions made ingest five times slower. A term that starts inside
 * another hit of the same group is not reported separately — it would be dropped as contained
 * or add nothing to the class anyway.
 */
function compileGroup(terms: readonly string[]): RegExp {
  const sorted = [...terms].sort((a, b) => normaliseTerm(b).length - normaliseTerm(a).length);
  return new RegExp(sorted.map((t) => `(?:${compileTerm(t).source})`).join('|'), 'gu');
}

const builtIn: CompiledGroup[] = LEXICONS.flatMap((lexicon) =>
  lexicon.groups.map(({ terms, falseFriend, ...group }) => ({
    ...group,
    ...(falseFriend ? { language: lexicon.language } : {}),
    pattern: compileGroup(terms),
  })),
);

// The organisation's terms are compiled once per distinct list (ingest classifies many items
// with the same settings); a plain `*` at a word's end or start works as in the lexicons.
const extraCache = new Map<string, CompiledGroup[]>();
function compileExtra(extra: readonly ExtraTerm[]): CompiledGroup[] {
  const key = JSON.stringify(extra);
  let groups = extraCache.get(key);
  if (!groups) {
    groups = extra.map(({ class: cls, term }) => ({ class: cls, pattern: compileTerm(term) }));
    if (extraCache.size > 50) extraCache.clear();
    extraCache.set(key, groups);
  }
  return groups;
}

const union = (pick: (l: Lexicon) => readonly string[]) => new Set(LEXICONS.flatMap((l) => pick(l).map(normaliseTerm)));
const STOPWORDS = Object.fromEntries(LEXICONS.map((l) => [l.language, new Set(l.stopwords.map(normaliseTerm))]));
const NEGATIONS = union((l) => l.negations);
const NEGATION_EXCEPTIONS = union((l) => l.negationExceptions);
const CLAUSE_BREAKS = union((l) => l.clauseBreaks);
const GREETING = new RegExp(
  `(?:${[...union((l) => l.greetings)].map((g) => compileTerm(g).source).join('|')})(?:(?:${SEP}[\\p{L}\\p{N}]+){0,3}\\s*,)?`,
  'uy',
);
const TOKEN = /[\p{L}\p{N}']+/gu;

/** 'de' or 'en' when one language's common words clearly dominate, else null. */
export function guessLanguage(text: string): 'de' | 'en' | null {
  const counts = { de: 0, en: 0 };
  for (const [token] of normalise(text).text.matchAll(TOKEN)) {
    if (STOPWORDS.de?.has(token)) counts.de++;
    if (STOPWORDS.en?.has(token)) counts.en++;
  }
  return counts.de > counts.en ? 'de' : counts.en > counts.de ? 'en' : null;
}

/** Where sentences begin, also after leading @handles (blanked) and a greeting. */
function sentenceStarts(text: string): Set<number> {
  const starts = new Set<number>();
  const candidates = [0, ...[...text.matchAll(/[.!?;:\n]/g)].map((m) => m.index + 1)];
  for (let at of candidates) {
    while (/\s/.test(text[at] ?? '')) at++;
    starts.add(at);
    GREETING.lastIndex = at;
    if (GREETING.exec(text)) {
      at = GREETING.lastIndex;
      while (/\s/.test(text[at] ?? '')) at++;
      starts.add(at);
    }
  }
  return starts;
}

/** An exclamation is not a question: „Wie schön!“, "What a day!". */
function endsWithExclamation(text: string, from: number): boolean {
  const end = /[.!?\n]/.exec(text.slice(from));
  return end?.[0] === '!';
}

const isNegation = (token: string) => NEGATIONS.has(token) || token.endsWith("n't");

/** Start of a negation word that negates a term starting at `start`, or null (rule above). */
function negationBefore(text: string, start: number): number | null {
  const windowStart = Math.max(0, start - 80);
  const before = text.slice(windowStart, start);
  const cut = Math.max(...[...'.,;:!?\n'].map((c) => before.lastIndexOf(c))) + 1;
  const tokens = [...before.slice(cut).matchAll(TOKEN)].slice(-3);
  for (let k = tokens.length - 1; k >= 0; k--) {
    const token = tokens[k]?.[0] ?? '';
    if (CLAUSE_BREAKS.has(token)) return null;
    if (!isNegation(token)) continue;
    const next = tokens[k + 1]?.[0];
    if (next && NEGATION_EXCEPTIONS.has(next)) continue;
    return windowStart + cut + (tokens[k]?.index ?? 0);
  }
  return null;
}

type Hit = { class: TermClass; start: number; end: number; negated: 'flip' | 'drop' | 'keep' };

function defaultNegation(cls: TermClass): Hit['negated'] {
  return cls === 'praise' ? 'flip' : cls === 'criticism' ? 'drop' : 'keep';
}

function findHits(text: string, groups: readonly CompiledGroup[], language: 'de' | 'en' | null): Hit[] {
  const hits: Hit[] = [];
  const starts = groups.some((g) => g.sentenceStart) ? sentenceStarts(text) : new Set<number>();
  for (const group of groups) {
    if (group.language && group.language !== language) continue;
    const negated = group.negated ?? defaultNegation(group.class);
    for (const m of text.matchAll(group.pattern)) {
      if (m[0].length === 0) continue;
      const end = m.index + m[0].length;
      if (group.sentenceStart && (!starts.has(m.index) || endsWithExclamation(text, end))) continue;
      hits.push({ class: group.class, start: m.index, end, negated });
    }
  }
  // A question mark (or ?!, ???) outside links is a question signal of its own.
  for (const m of text.matchAll(/\?[?!]*/g)) {
    hits.push({ class: 'question', start: m.index, end: m.index + m[0].length, negated: 'keep' });
  }
  return hits;
}

/** Longer hits win over hits inside them; neutral idioms silence whatever they overlap. */
function resolveOverlaps(hits: Hit[]): Hit[] {
  const len = (h: Hit) => h.end - h.start;
  const kept = hits.filter((h) => !hits.some((o) => len(o) > len(h) && o.start <= h.start && h.end <= o.end));
  const neutral = kept.filter((h) => h.class === 'neutral');
  return kept.filter((h) => h.class !== 'neutral' && !neutral.some((n) => n.start < h.end && h.start < n.end));
}

function applyNegation(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const hit of hits) {
    const negation = hit.negated === 'keep' ? null : negationBefore(text, hit.start);
    if (negation === null) out.push(hit);
    else if (hit.negated === 'flip') out.push({ ...hit, class: 'criticism', start: negation });
  }
  return out;
}

export type ClassifyOptions = { extraTerms?: readonly ExtraTerm[] };

export function classify(original: string, options: ClassifyOptions = {}): Classification {
  const norm = normalise(original);
  const groups = options.extraTerms?.length ? [...builtIn, ...compileExtra(options.extraTerms)] : builtIn;
  const language = guessLanguage(original);
  const hits = applyNegation(norm.text, resolveOverlaps(findHits(norm.text, groups, language)));

  const seen = new Set<string>();
  const signals: ClassSignal[] = [];
  for (const hit of hits) {
    if (hit.class === 'neutral') continue;
    const start = norm.from[hit.start] ?? 0;
    const end = norm.to[hit.end - 1] ?? original.length;
    const key = `${hit.class}:${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    signals.push({ class: hit.class, term: original.slice(start, end), start, end });
  }
  signals.sort((a, b) => a.start - b.start || CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class));
  const classes = CLASS_ORDER.filter((cls) => signals.some((s) => s.class === cls));
  const primary = classes[0] ?? null;
  return { classes, primary, priority: primary ? CLASS_PRIORITY[primary] : 0, signals };
}
