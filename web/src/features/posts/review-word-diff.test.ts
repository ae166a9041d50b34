import { describe, expect, it } from 'vitest';
import { type DiffPart, tokenize, wordDiff } from './review-word-diff.ts';

const side = (parts: DiffPart[], kind: 'ins' | 'del') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === kind)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('keeps the text whole when nothing changed', () => {
    expect(wordDiff('Sommerfest am Samstag', 'Sommerfest am Samstag')).toEqual([
      { kind: 'same', text: 'Sommerfest am Samstag' },
    ]);
  });

  it('marks one replaced word as deleted then inserted', () => {
    expect(wordDiff('Sommerfest am Samstag um 15 Uhr', 'Sommerfest am Sonntag um 15 Uhr')).toEqual([
      { kind: 'same', text: 'Sommerfest am ' },
      { kind: 'del', text: 'Samstag' },
      { kind: 'ins', text: 'Sonntag' },
      { kind: 'same', text: ' um 15 Uhr' },
    ]);
  });

  it('reads several neighbouring words as one replacement, not a patchwork', () => {
    expect(wordDiff('Wir feiern im Garten.', 'Wir treffen uns im Saal.')).toEqual([
      { kind: 'same', text: 'Wir ' },
      { kind: 'del', text: 'feiern' },
      { kind: 'ins', text: 'treffen uns' },
      { kind: 'same', text: ' im ' },
      { kind: 'del', text: 'Garten.' },
      { kind: 'ins', text: 'Saal.' },
    ]);
    expect(wordDiff('a b c', 'x y z')).toEqual([
      { kind: 'del', text: 'a b c' },
      { kind: 'ins', text: 'x y z' },
    ]);
  });

  it('shows a pure insertion and a pure deletion', () => {
    expect(wordDiff('Kommt vorbei!', 'Kommt gern vorbei!')).toEqual([
      { kind: 'same', text: 'Kommt ' },
      { kind: 'ins', text: 'gern ' },
      { kind: 'same', text: 'vorbei!' },
    ]);
    expect(wordDiff('Lena und Tom malen', 'Tom malen')).toEqual([
      { kind: 'del', text: 'Lena und ' },
      { kind: 'same', text: 'Tom malen' },
    ]);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'Neu')).toEqual([{ kind: 'ins', text: 'Neu' }]);
    expect(wordDiff('Alt', '')).toEqual([{ kind: 'del', text: 'Alt' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('keeps line breaks, and gives both texts back exactly', () => {
    const before = 'Erste Zeile\nZweite Zeile mit Lena\n\n#Sommerfest';
    const after = 'Erste Zeile\nZweite Zeile ohne Namen\n\n#Sommerfest #Kiez';
    const parts = wordDiff(before, after);
    expect(side(parts, 'del')).toBe(before);
    expect(side(parts, 'ins')).toBe(after);
    expect(parts.filter((p) => p.kind === 'del').map((p) => p.text)).toEqual(['mit Lena']);
  });

  it('falls back to one block for texts too long to compare word by word', () => {
    const before = Array.from({ length: 2500 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 2500 }, (_, i) => `b${i}`).join(' ');
    const parts = wordDiff(before, after);
    expect(side(parts, 'del')).toBe(before);
    expect(side(parts, 'ins')).toBe(after);
  });

  it('tokenizes words and whitespace so joining gives the text back', () => {
    expect(tokenize('Hallo  Welt!\n')).toEqual(['Hallo', '  ', 'Welt!', '\n']);
  });
});
