import { describe, expect, it } from 'vitest';
import { camelCaseHint, findEntities, findHashtags, findLinks, findMentions } from './hashtags.ts';

const values = (list: { value: string }[]) => list.map((e) => e.value);

describe('findHashtags', () => {
  it.each([
    ['Sommerfest #JugendhilfeNord heute', ['JugendhilfeNord']],
    ['#Kita und #Familie', ['Kita', 'Familie']],
    ['Umlaute: #Grüße #Straßenfest #ÄltereMenschen', ['Grüße', 'Straßenfest', 'ÄltereMenschen']],
    ['Zahlen sind keine Tags: #2026 #1', []],
    ['Aber mit Buchstaben: #Sommer2026 #2026Sommer', ['Sommer2026', '2026Sommer']],
    ['Kein Tag im Wort: Kita#Nord oder &#39;', []],
    ['Tag am Satzende: #Ehrenamt.', ['Ehrenamt']],
    ['(#Inklusion) und „#Teilhabe“', ['Inklusion', 'Teilhabe']],
    ['Fragment im Link https://example.org/seite#abschnitt ist kein Tag', []],
  ])('%s', (text, expected) => {
    expect(values(findHashtags(text))).toEqual(expected);
  });

  it('gives spans that slice back to the written tag', () => {
    const text = '👩‍👩‍👧 Grüße #Straßenfest!';
    const [tag] = findHashtags(text);
    expect(tag && text.slice(tag.start, tag.end)).toBe('#Straßenfest');
  });
});

describe('findMentions', () => {
  it.each([
    ['Danke @stadt!', ['stadt']],
    ['Danke @stadt@social.bund.de für den Hinweis', ['stadt@social.bund.de']],
    ['Bluesky: @jugendhilfe-nord.bsky.social.', ['jugendhilfe-nord.bsky.social']],
    ['Eigene Domain @kita.example.org, bitte teilen', ['kita.example.org']],
    ['Keine Erwähnung: info@example.org', []],
    ['Nicht im Link: https://social.example/@stadt', []],
  ])('%s', (text, expected) => {
    expect(values(findMentions(text))).toEqual(expected);
  });
});

describe('findLinks and findEntities', () => {
  it('finds links without the trailing punctuation', () => {
    expect(values(findLinks('Mehr: https://example.org/a?b=1. Danke'))).toEqual(['https://example.org/a?b=1']);
  });

  it('lists everything in reading order with spans', () => {
    const text = '@eva schau: https://a.example/x #Kita';
    expect(findEntities(text).map((e) => [e.kind, e.text, e.start])).toEqual([
      ['mention', '@eva', 0],
      ['link', 'https://a.example/x', 12],
      ['hashtag', '#Kita', 32],
    ]);
  });
});

describe('camelCaseHint', () => {
  it.each([
    ['#jugendhilfenord', true],
    ['JUGENDHILFENORD', true],
    ['#JugendhilfeNord', false],
    ['#kita', false], // fewer than eight letters
    ['#straßenfest', true], // ß is a letter, and lower case
    ['#STRAßENFEST', true], // ß has no capital of its own
    ['#grüße2026', false], // five letters; digits do not count
    ['#ehrenamtlich2026', true],
    ['#Ehrenamtlich', false],
  ])('%s → %s', (tag, expected) => {
    expect(camelCaseHint(tag)).toBe(expected);
  });
});
