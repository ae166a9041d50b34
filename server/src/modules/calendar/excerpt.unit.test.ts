import { describe, expect, it } from 'vitest';
import { excerptOf } from './excerpt.ts';

describe('excerptOf', () => {
  it.each([
    ['Kurz und gut', 'Kurz und gut'],
    ['Zeile eins\n\nZeile   zwei', 'Zeile eins Zeile zwei'],
    [`${'Wort '.repeat(30)}Ende`, `${'Wort '.repeat(23).trim()}…`],
    [`Siehe https://example.org/${'x'.repeat(200)}`, `Siehe https://example.org/${'x'.repeat(93)}…`],
    [`Satz eins, ${'lang '.repeat(30)}`, `Satz eins, ${'lang '.repeat(21).trim()}…`],
  ])('%#', (text, expected) => {
    const excerpt = excerptOf(text);
    expect(excerpt).toBe(expected);
    expect(excerpt.length).toBeLessThanOrEqual(120);
  });
});

describe('excerptOf a text cut before it arrived', () => {
  it('still ends in an ellipsis when what is left is short', () => {
    expect(excerptOf(`Einladung:${'\n'.repeat(200)}Sommerfest`, 120, true)).toBe('Einladung: Sommerfest…');
    expect(excerptOf('Kurz und gut.', 120, true)).toBe('Kurz und gut…');
  });
});
