import type { RawFinding } from './pii-structured.ts';

// Street addresses, German and English, optionally with postcode and city, and a German postcode
// with its city on its own ("12345 Berlin"). A street name with a house number counts unless a
// count or unit follows („Spielplatz 3 Kinder“, „Marktplatz 10 Uhr“). The fuzzy kind („Am Markt
// 3a“) must end the phrase: punctuation, the end, a postcode or a small word („in“, „um“, "and"),
// so „Im Raum 3 malen wir“ is no address.

const UPPER = '[A-ZÄÖÜ]';
const capitalised = (alternatives: string) =>
  alternatives
    .split('|')
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join('|');
const LETTERS = "[\\p{L}ß'’]";
const SUFFIXES =
  'straße|strasse|str\\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|steig|pfad|promenade|markt|graben|stieg|kamp|twiete|zeile|wall';
/** „Musterstraße“, „Karl-Marx-Straße“, „Hauptstr.“ */
const COMPOUND_STREET = `${UPPER}${LETTERS}*?(?:-${UPPER}${LETTERS}*?)*(?:${SUFFIXES}|-(?:${capitalised(SUFFIXES)}))`;
/** „Berliner Straße“, „Lange Reihe“ is not covered: the street word must be a known one. */
const TWO_WORD_STREET = `${UPPER}${LETTERS}+\\s(?:Straße|Strasse|Str\\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Chaussee|Markt)`;
/** „Am Markt“, „An der Alster“, „Im Winkel“: fuzzier, so the noun after it is checked below. */
const PREPOSITION_STREET = `(?:Am|An der|An den|Auf der|Auf dem|Im|In der|In den|Zum|Zur|Hinter der|Hinter dem|Unter den|Vor dem|Alt|Alte|Alter)\\s(${UPPER}${LETTERS}+(?:-${LETTERS}+)*)`;
const HOUSE_NUMBER = '\\d{1,3}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:\\s?[-–/]\\s?\\d{1,3}[a-zA-Z]?)?';
const POSTCODE = '(?:0[1-9]|[1-9]\\d)\\d{3}';
const CITY = `${UPPER}${LETTERS}+(?:-${LETTERS}+)*(?:\\s(?:am|an der|im|ob der)\\s${UPPER}${LETTERS}+|\\s?\\(${UPPER}${LETTERS}+\\))?`;
const PLACE = `(?:,?\\s+${POSTCODE}\\s+${CITY})?`;
/** After „Am Markt 3“ (the fuzzy kind) only the end of a phrase may follow. */
const ENDS_PHRASE =
  /^(?:\s*$|\s*[,.;:!?)\n]|\s+(?:in|im|und|oder|bei|um|ab|am|an|zu|zum|zur|vor|auf|von|bis|mit|statt|für|gegenüber|at|on|and|or|from|to|for|near)(?![\p{L}])|\s+[-–])/u;
/** After any street: a count or a unit means the number was no house number („Spielplatz 3 Kinder“). */
const COUNTED =
  /^\s*(?:uhr|h\b|mal\b|x\b|%|€|jahre|monate|wochen|tage|stunden|minuten|km|kg|m\b|kinder|personen|leute|menschen|teilnehm|plätze|tische|stühle|räume|gruppen|hunde|teams|euro|years|hours|minutes|people|children|kids|places|times)/iu;

const GERMAN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${COMPOUND_STREET}|${TWO_WORD_STREET}|${PREPOSITION_STREET})\\s+${HOUSE_NUMBER}(?!\\p{N})(${PLACE})`,
  'gu',
);
const ENGLISH_RE =
  /(?<![\p{L}\p{N}])\d{1,4}[A-Za-z]?\s+(?:[A-Z][\p{L}'’-]+\s+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Close|Way|Place|Square|Terrace|Crescent|Court|Gardens|Grove|Row|Boulevard|Mews)(?![\p{L}])/gu;
const POSTCODE_CITY_RE = new RegExp(`(?<![\\p{L}\\p{N}.,])(${POSTCODE})\\s+(${CITY})`, 'gu');

/** Words after „Am/Im/Zum …“ that name a time, a room or a group, not a street. */
const NOT_A_STREET = new Set(
  (
    'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag wochenende januar februar märz april mai ' +
    'juni juli august september oktober november dezember jahr sommer winter herbst frühling ende anfang abend morgen ' +
    'mittag nachmittag vormittag raum zimmer gruppe team haus kapitel teil alter schnitt moment stand tag termin ' +
    'start ziel platz schluss anschluss eingang ausgang gleis bus zug bahnsteig stockwerk geschoss'
  ).split(' '),
);
/** Words after a five-digit number that count, not a city: „12000 Besucher“, „10000 Euro“. */
const NOT_A_CITY =
  /^(?:euro|eur|besucher|menschen|personen|leute|teilnehm|kinder|jugendliche|mitglieder|follower|fans|stunden|minuten|tage|jahre|schritte|kilometer|meter|spenden|unterschriften|exemplare|stück|mal|likes|views|aufrufe|klicks|mahlzeiten|portionen|bücher|pakete|visitors|people|members|children|hours|steps|miles|meals|euros|dollars)/i;
const QUANTITY_BEFORE =
  /(?:über|rund|etwa|ca\.|circa|fast|knapp|mehr als|bis zu|insgesamt|mindestens|over|about|around|nearly|almost|more than|up to|total)\s*$/i;

export function findAddresses(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(GERMAN_RE)) {
    const prepositionNoun = m[1]?.toLowerCase();
    const withPlace = (m[2] ?? '') !== '';
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (!withPlace && COUNTED.test(after)) continue;
    if (prepositionNoun && (NOT_A_STREET.has(prepositionNoun) || (!withPlace && !ENDS_PHRASE.test(after)))) continue;
    found.push({ category: 'address', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(ENGLISH_RE)) {
    found.push({ category: 'address', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(POSTCODE_CITY_RE)) {
    if (NOT_A_CITY.test(m[2] ?? '')) continue;
    if (QUANTITY_BEFORE.test(text.slice(Math.max(0, m.index - 15), m.index))) continue;
    found.push({ category: 'address', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
