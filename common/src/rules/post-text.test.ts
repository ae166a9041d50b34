import { describe, expect, it } from 'vitest';
import { countText, graphemeCount, mastodonCount, splitThread } from './post-text.ts';

describe('graphemeCount (Bluesky)', () => {
  it.each([
    ['Hallo', 5],
    ['Grüße aus der Kita', 18],
    ['👩‍👩‍👧‍👦', 1], // family emoji: 7 code points, one grapheme
    ['🇩🇪', 1],
    ['e\u0301', 1], // e + combining acute
    ['', 0],
  ])('%s → %i', (text, expected) => {
    expect(graphemeCount(text)).toBe(expected);
  });
});

describe('mastodonCount', () => {
  it('counts any URL as 23 characters', () => {
    const long = 'https://www.jugendhilfe-nord.de/aktuelles/2026/sommerfest-mit-allen-familien?utm=x';
    expect(mastodonCount(`Mehr: ${long}`)).toBe(6 + 23);
    expect(mastodonCount('Mehr: https://a.de')).toBe(6 + 23);
  });
  it('counts remote mentions without the domain', () => {
    expect(mastodonCount('Danke @stadt@social.bund.de!')).toBe('Danke @stadt!'.length);
  });
  it('counts code points, so an emoji family is several characters', () => {
    expect(mastodonCount('👩‍👩‍👧‍👦')).toBe(7);
  });
  it('leaves a URL-free text at its length', () => {
    expect(countText('Sommerfest am Samstag', 'mastodon')).toBe(21);
  });
});

describe('splitThread', () => {
  it('keeps a short text as one part', () => {
    expect(splitThread('Kurz und gut.', 300, 'graphemes')).toEqual(['Kurz und gut.']);
  });
  it('splits at the author’s --- breaks', () => {
    expect(splitThread('Erster Teil.\n---\nZweiter Teil.', 300, 'graphemes')).toEqual([
      'Erster Teil.',
      'Zweiter Teil.',
    ]);
  });
  it('splits long text at sentence boundaries, every part within the limit, nothing lost', () => {
    const sentence = 'Unsere Kita feiert am Samstag ein Sommerfest mit allen Familien aus dem Viertel. ';
    const text = sentence.repeat(12).trim();
    const parts = splitThread(text, 300, 'graphemes');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(graphemeCount(part)).toBeLessThanOrEqual(300);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(text);
  });
  it('splits a single overlong sentence between words', () => {
    const text = `${'Wort '.repeat(100)}Ende`;
    const parts = splitThread(text, 50, 'graphemes');
    for (const part of parts) expect(graphemeCount(part)).toBeLessThanOrEqual(50);
    expect(parts.join(' ')).toBe(text);
  });
  it('counts URLs as 23 when splitting for Mastodon', () => {
    const url = `https://example.org/${'a'.repeat(200)}`;
    expect(splitThread(`Lesen Sie hier: ${url}`, 500, 'mastodon')).toHaveLength(1);
  });
});
