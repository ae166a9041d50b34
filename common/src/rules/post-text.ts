// How each network counts a post's length, and how a long text becomes a thread. The composer
// shows these counts live; the engine splits with the same function, so what the user saw is
// what the network gets.

export type Counting = 'graphemes' | 'mastodon';

/** Mastodon counts every URL as 23 characters, whatever its length. */
export const MASTODON_URL_LENGTH = 23;

// A URL as Mastodon and Bluesky detect it: scheme required for counting purposes.
export const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]}'’”]/giu;
// @user@instance.example: Mastodon counts only "@user".
const REMOTE_MENTION = /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}

/** Mastodon: code points, URLs as 23, remote mentions without their domain. */
export function mastodonCount(text: string, urlLength = MASTODON_URL_LENGTH): number {
  const placeholder = 'x'.repeat(urlLength);
  const counted = text.replace(URL_PATTERN, placeholder).replace(REMOTE_MENTION, '$1@$2');
  return [...counted].length;
}

export function countText(text: string, counting: Counting): number {
  return counting === 'graphemes' ? graphemeCount(text) : mastodonCount(text);
}

/** An explicit split the author typed: a line with three dashes. */
export const THREAD_BREAK = /\n[ \t]*---[ \t]*\n/;

/**
 * Splits a text into thread parts that each fit `maxChars`: first at the author's own breaks
 * (---), then at paragraph, sentence and word boundaries, never inside a word unless a word is
 * longer than a whole post (a URL).
 */
export function splitThread(text: string, maxChars: number, counting: Counting): string[] {
  const parts: string[] = [];
  for (const chunk of text.split(THREAD_BREAK)) {
    const trimmed = chunk.trim();
    if (trimmed) parts.push(...splitChunk(trimmed, maxChars, counting));
  }
  return parts.length > 0 ? parts : [''];
}

function splitChunk(text: string, maxChars: number, counting: Counting): string[] {
  if (countText(text, counting) <= maxChars) return [text];
  // Units keep their trailing whitespace so joining them restores the text.
  const units = text.match(/[^\n]*\n+|[^.!?\n]+[.!?]+["'»«”)\]]*\s*|[^\n]+/g) ?? [text];
  const parts: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) parts.push(current.trim());
    current = '';
  };
  for (const unit of units) {
    if (countText(current + unit, counting) <= maxChars) {
      current += unit;
      continue;
    }
    push();
    if (countText(unit, counting) <= maxChars) {
      current = unit;
      continue;
    }
    for (const word of unit.split(/(?<=\s)/)) {
      if (countText(current + word, counting) <= maxChars) {
        current += word;
        continue;
      }
      push();
      if (countText(word, counting) <= maxChars) current = word;
      else for (const piece of hardSplit(word, maxChars)) parts.push(piece);
    }
  }
  push();
  return parts;
}

function hardSplit(word: string, maxChars: number): string[] {
  const graphemes = [...segmenter.segment(word)].map((s) => s.segment);
  const pieces: string[] = [];
  for (let i = 0; i < graphemes.length; i += maxChars) pieces.push(graphemes.slice(i, i + maxChars).join(''));
  return pieces;
}
