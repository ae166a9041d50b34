import { describe, expect, it } from 'vitest';
import type { PiiCategory } from '../schemas/people.ts';
import { type PiiScanOptions, scanText } from './pii-scan.ts';
import { ibanChecksumValid } from './pii-structured.ts';

// [text, expected findings as "category:matched text"]
type Case = [string, string[]];

const names: PiiScanOptions['names'] = [
  { personId: 'p-lena', name: 'Lena M.' },
  { personId: 'p-max', name: 'Max' },
  { personId: 'p-guardian', name: 'Sabine Kowalski' },
];
const found = (text: string, options: PiiScanOptions = { names }) =>
  scanText(text, options).map((f) => `${f.category}:${f.text}`);

const phones: Case[] = [
  ['Rufen Sie an: 0171 1234567', ['phone:0171 1234567']],
  ['Telefon 030/1234567 oder per Mail', ['phone:030/1234567']],
  ['Tel.: +49 30 12345678', ['phone:+49 30 12345678']],
  ['+49 (0)171 123 45 67 ab 9 Uhr', ['phone:+49 (0)171 123 45 67']],
  ['Büro: 06221-123-456', ['phone:06221-123-456']],
  ['(030) 123 456 78', ['phone:(030) 123 456 78']],
  ['0049 171 1234567', ['phone:0049 171 1234567']],
  ['Handy 0160 / 98 76 54 3', ['phone:0160 / 98 76 54 3']],
  ['Nummern: 030 1234567 0171 7654321', ['phone:030 1234567', 'phone:0171 7654321']],
  ['Durchwahl: Tel. 12 34 56', ['phone:12 34 56']],
  ['UK office +44 20 7946 0958', ['phone:+44 20 7946 0958']],
  // Not phone numbers: years, year ranges, times, dates, prices, amounts, postcodes alone, hashtags, links.
  ['Seit 2019-2024 dabei', []],
  ['Treffpunkt 10:30 Uhr, Ende 12.30 Uhr', []],
  ['Am 01.03.2025 und am 05-06-2025', []],
  ['Eintritt 0,99 € oder 12,50 €', []],
  ['1.000.000 Schritte für 100 000 Euro', []],
  ['#2024 #0171123456', []],
  ['Alles unter https://example.org/termine/0171123456', []],
  ['Tel Aviv ist eine Partnerstadt', []],
  // A number after an order or file label is a reference; an unlabelled one is reported.
  ['Bestellnummer 0123 456789', []],
  ['Aktenzeichen: 0815/4711/2024', []],
  ['Invoice 0123456789', []],
  ['Bitte 0123 456789 notieren', ['phone:0123 456789']],
];

const emails: Case[] = [
  ['Schreiben Sie an lena.m@example.org!', ['email:lena.m@example.org']],
  [
    'info@kita-sonnenschein.de oder team+presse@träger.de',
    ['email:info@kita-sonnenschein.de', 'email:team+presse@träger.de'],
  ],
  ['Folgen Sie @kita_nord', []],
];

const ibans: Case[] = [
  ['Spenden: DE89 3704 0044 0532 0130 00, danke!', ['iban:DE89 3704 0044 0532 0130 00']],
  ['IBAN DE89370400440532013000', ['iban:DE89370400440532013000']],
  ['GB82 WEST 1234 5698 7654 32 for UK donors', ['iban:GB82 WEST 1234 5698 7654 32']],
  // One digit wrong: the checksum fails, and what is left is no phone number either.
  ['DE89 3704 0044 0532 0130 01', []],
];

const birthDates: Case[] = [
  ['Lena M., geb. 12.03.2015, freut sich', ['person_name:Lena M.', 'birth_date:geb. 12.03.2015']],
  ['Sie ist geboren am 3. März 2014 in Köln', ['birth_date:geboren am 3. März 2014']],
  ['Geburtsdatum: 2012-07-01', ['birth_date:Geburtsdatum: 2012-07-01']],
  ['Max (*12.03.2015) hat gewonnen', ['person_name:Max', 'birth_date:*12.03.2015']],
  ['Er wurde am 12.03.2015 geboren.', ['birth_date:12.03.2015 geboren']],
  ['Jahrgang 2011, Torwart', ['birth_date:Jahrgang 2011']],
  ['Born on March 3, 2014 in Leeds', ['birth_date:Born on March 3, 2014']],
  ['DOB: 03/12/2015', ['birth_date:DOB: 03/12/2015']],
  // A date alone is an event, not a birth date.
  ['Sommerfest am 12.07.2025 ab 14 Uhr', []],
  ['Meeting on March 3, 2026', []],
];

const addresses: Case[] = [
  ['Wir sind in der Musterstraße 12 zu finden.', ['address:Musterstraße 12']],
  ['Treffpunkt: Am Markt 3a, 12345 Berlin', ['address:Am Markt 3a, 12345 Berlin']],
  ['Hauptstr. 5 in Leipzig', ['address:Hauptstr. 5']],
  ['Karl-Marx-Straße 101-103, 01067 Dresden', ['address:Karl-Marx-Straße 101-103, 01067 Dresden']],
  ['Berliner Straße 7 um 18 Uhr', ['address:Berliner Straße 7']],
  ['Sie wohnt jetzt in 79098 Freiburg im Breisgau.', ['address:79098 Freiburg im Breisgau']],
  ['We moved to 12 High Street last week', ['address:12 High Street']],
  // Not addresses: a playground with children, rooms, days, amounts.
  ['Auf dem Spielplatz 3 Kinder und zwei Hunde', []],
  ['Im Raum 3 malen wir.', []],
  ['Treffen am Marktplatz 10 Uhr', []],
  ['Am Montag 12 neue Kinder!', []],
  ['Über 12000 Besucher kamen, 10000 Euro Spenden', []],
];

const people: Case[] = [
  ['Heute hat Lena M. Geburtstag', ['person_name:Lena M.']],
  ['MAX hat gewonnen, Lenas Bild hängt', ['person_name:MAX']],
  ['Max’ Mutter und Max’s Bruder', ['person_name:Max’', 'person_name:Max’s']],
  ['Maximilian und Maxi sind nicht gemeint', []],
  ['Danke an Sabine  Kowalski für den Kuchen', ['person_name:Sabine  Kowalski']],
];

const sensitive: Case[] = [
  ['Nach der Diagnose ADHS geht es ihm besser', ['sensitive:Diagnose', 'sensitive:ADHS']],
  ['Seine Depression ist überstanden, er war depressiv', ['sensitive:Depression', 'sensitive:depressiv']],
  ['Der suchtkranke Vater, die Sucht, Alkohol', ['sensitive:suchtkranke', 'sensitive:Sucht', 'sensitive:Alkohol']],
  ['HIV-positiv seit 2010', ['sensitive:HIV-positiv']],
  ['Als Muslimin und Asylbewerberin angekommen', ['sensitive:Muslimin', 'sensitive:Asylbewerberin']],
  ['Nach der Psychotherapie in der Psychiatrie', ['sensitive:Psychotherapie', 'sensitive:Psychiatrie']],
  ['Sie ist schwanger, er hat eine Vorstrafe', ['sensitive:schwanger', 'sensitive:Vorstrafe']],
  ['Hyperaktiv, Abhaengigkeit, Suchtkranke', ['sensitive:Suchtkranke']],
  ['Umlaut-free spelling: Angststoerung', ['sensitive:Angststoerung']],
  [
    'She was diagnosed with autism and is in a wheelchair',
    ['sensitive:diagnosed', 'sensitive:autism', 'sensitive:in a wheelchair'],
  ],
  ['A refugee with a criminal record', ['sensitive:refugee', 'sensitive:criminal record']],
  // False friends: verbs, compounds about offers, longing and jealousy, liability.
  ['Sie sucht eine Wohnung und hat uns besucht', []],
  ['Sehnsucht und Eifersucht im Theaterstück', []],
  ['Unser Therapiehund Bello besucht die Kita', []],
  ['Alkoholfreier Punsch beim Fest', []],
  ['Haftung ausgeschlossen, Transport inklusive', []],
  ['Our therapy dog visits on Fridays', []],
];

function table(title: string, cases: Case[]) {
  describe(title, () => {
    it.each(cases)('%s', (text, expected) => {
      expect(found(text)).toEqual(expected);
    });
  });
}

table('phone numbers', phones);
table('e-mail addresses', emails);
table('IBANs', ibans);
table('dates of birth', birthDates);
table('street addresses', addresses);
table('names from the register', people);
table('sensitive words', sensitive);

describe('scanText', () => {
  it('gives spans that slice back to the matched text, sorted and without overlaps', () => {
    const text = 'Lena M. (geb. 12.03.2015), Musterstraße 12, Tel. 0171 1234567, lena@example.org, ADHS';
    const findings = scanText(text, { names });
    expect(findings.map((f) => f.category)).toEqual([
      'person_name',
      'birth_date',
      'address',
      'phone',
      'email',
      'sensitive',
    ]);
    for (const [i, f] of findings.entries()) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      if (i > 0) expect(f.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
    }
  });

  it('lets the more specific kind win an overlap: an e-mail address over the name in it', () => {
    expect(found('max@example.org')).toEqual(['email:max@example.org']);
    expect(found('Max-Straße 4, Berlin')).toEqual(['address:Max-Straße 4']);
  });

  it('tells the register entry and the list word', () => {
    const [name, word] = scanText("Max' Therapie", { names });
    expect(name).toMatchObject({ category: 'person_name', personId: 'p-max' });
    expect(word).toMatchObject({ category: 'sensitive', word: 'therapie' });
  });

  it("adds the organisation's own words, whole words, case-insensitive, with the stem syntax", () => {
    const options = { sensitiveWords: ['Schuldnerberatung', 'Jugendhilfe*'] };
    expect(scanText('Schuldnerberatung, jugendhilfeträger, Jugend', options).map((f) => f.word)).toEqual([
      'schuldnerberatung',
      'jugendhilfe',
    ]);
  });

  it('marks findings of the blocking categories', () => {
    const blocking: PiiCategory[] = ['phone'];
    const findings = scanText('Tel. 0171 1234567 wegen ADHS', { blocking });
    expect(findings.map((f) => [f.category, f.blocking])).toEqual([
      ['phone', true],
      ['sensitive', false],
    ]);
  });

  it('stays fast on a long post (it runs on every keystroke)', () => {
    const text = 'Lena M. war beim Sommerfest in der Musterstraße 12, Tel. 0171 1234567. '.repeat(70);
    const started = Date.now();
    expect(scanText(text, { names, sensitiveWords: ['Hilfeplan'] })).toHaveLength(210);
    expect(Date.now() - started).toBeLessThan(250);
  });

  it('finds nothing in an empty or harmless text', () => {
    expect(scanText('')).toEqual([]);
    expect(scanText('Sommerfest am Samstag ab 14 Uhr, alle sind willkommen! #kita')).toEqual([]);
  });

  it('checks IBANs with mod 97', () => {
    expect(ibanChecksumValid('DE89370400440532013000')).toBe(true);
    expect(ibanChecksumValid('DE89370400440532013001')).toBe(false);
  });
});
