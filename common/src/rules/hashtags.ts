import { URL_PATTERN } from './post-text.ts';

// Hashtags, mentions and links in a post's text, with their spans, so the composer can mark
// them and the checks can give hints. Links are found first: a "#" inside a URL is a fragment,
// not a hashtag, and an "@" inside a URL is not a mention.

export type EntityKind = 'hashtag' | 'mention' | 'link';

export type TextEntity = {
  kind: EntityKind;
  /** Exactly as written, including # or @. */
  text: string;
  /** UTF-16 offsets, as String.prototype.slice takes them. */
  start: number;
  end: number;
  /** Hashtag without #; mention without the leading @ (user, user@instance or handle.domain). */
  value: string;
};

// Before a tag or mention: start, whitespace or punctuation, but not a letter, digit, "_" or
// "&" (HTML entities like &#39;), and not "/" or "." (paths, e-mail-like text).
const BEFORE = String.raw`(?<=^|[^\p{L}\p{M}\p{N}_&/.@#])`;
const HASHTAG = new RegExp(`${BEFORE}[#＃]([\\p{L}\\p{M}\\p{N}_]+)`, 'gu');
// @user, @user@instance.example (Mastodon), @name.bsky.social or @custom.domain (Bluesky).
const MENTION = new RegExp(
  `${BEFORE}@([\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}_])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*)(?:@([\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+))?`,
  'gu',
);

function matches(text: string, pattern: RegExp, kind: EntityKind, value: (m: RegExpExecArray) => string) {
  const found: TextEntity[] = [];
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    found.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length, value: value(m) });
  }
  return found;
}

export function findLinks(text: string): TextEntity[] {
  return matches(text, URL_PATTERN, 'link', (m) => m[0]);
}

/** Every link, hashtag and mention in reading order; nothing inside a link counts twice. */
export function findEntities(text: string): TextEntity[] {
  const links = findLinks(text);
  const insideLink = (e: TextEntity) => links.some((l) => e.start < l.end && e.end > l.start);
  // "#2026" is a number, not a tag: a tag needs at least one letter.
  const tags = matches(text, HASHTAG, 'hashtag', (m) => m[1] ?? '').filter((e) => /\p{L}/u.test(e.value));
  const mentions = matches(text, MENTION, 'mention', (m) => (m[2] ? `${m[1]}@${m[2]}` : (m[1] ?? '')));
  return [...links, ...tags.filter((e) => !insideLink(e)), ...mentions.filter((e) => !insideLink(e))].sort(
    (a, b) => a.start - b.start,
  );
}

export function findHashtags(text: string): TextEntity[] {
  return findEntities(text).filter((e) => e.kind === 'hashtag');
}

export function findMentions(text: string): TextEntity[] {
  return findEntities(text).filter((e) => e.kind === 'mention');
}

/** Letters counted for the hint: umlauts and ß are letters; digits and "_" are not. */
const MIN_HINT_LETTERS = 8;

/**
 * Screen readers read "#jugendhilfenord" as one garbled word and "#JugendhilfeNord" as two:
 * a tag of at least eight letters written all lower- or all upper-case gets the hint to use
 * CamelCase. Accepts the tag with or without "#".
 */
export function camelCaseHint(tag: string): boolean {
  const letters = [...tag.replace(/^[#＃]/u, '')].filter((c) => /\p{L}/u.test(c));
  if (letters.length < MIN_HINT_LETTERS) return false;
  const word = letters.join('');
  // ß has no single-letter upper case, so it counts as fitting either way.
  const lower = word === word.toLowerCase();
  const upper = word.replace(/ß/g, '') === word.replace(/ß/g, '').toUpperCase();
  return lower || upper;
}
