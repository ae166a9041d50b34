import type { PiiCategory } from '../schemas/people.ts';

// Detectors for PII with a shape: phone numbers, e-mail addresses, IBANs, dates of birth and
// street addresses. Each returns raw spans; pii-scan.ts resolves overlaps and marks blocking.
//
// Decisions (tested in pii-scan.test.ts):
// - Phone numbers must look dialable: a leading 0, +CC or 00CC, 7–15 digits, separated only by
//   spaces, "-" or "/" (never dots, colons or commas, so dates, times and prices stay out). A
//   local number without a leading 0 counts only after a label („Tel.“, „Handy“, "phone").
// - A number right after an order/file/account label („Bestellnr.“, „Aktenzeichen“, "invoice")
//   is no phone number. An unlabelled order number that looks like a phone number IS reported:
//   a warning one dismisses costs less than a published phone number.
// - A date is a birth date only next to a birth word („geb.“, „geboren am“, "born", "DOB", a
//   leading „*“, „Jahrgang“); other dates (events, deadlines) are not personal data.
// - Street addresses need a house number followed by the end of the phrase (punctuation, a
//   postcode, or a small word like „in“, „um“, "and"), so „Spielplatz 3 Kinder“ stays out.

export type RawFinding = { category: PiiCategory; start: number; end: number; personId?: string; word?: string };

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}_])';

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex += 1;
  }
}

export function findEmails(text: string): RawFinding[] {
  const re = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
  return [...matches(re, text)].map((m) => ({ category: 'email', start: m.index, end: m.index + m[0].length }));
}

// ---- phone numbers ----

const PHONE_SEP = '(?:[ \\-/]|\\s[\\-/]\\s)';
const PHONE_RE = new RegExp(
  `${NOT_WORD_BEFORE}(?<![+])(?:(?:\\+|00)[1-9]\\d{0,2}${PHONE_SEP}?(?:\\(0\\)${PHONE_SEP}?)?|\\(0\\d{1,5}\\)${PHONE_SEP}?|0)\\d(?:${PHONE_SEP}?\\d)+${NOT_WORD_AFTER}`,
  'gu',
);
const PHONE_LABEL_RE = new RegExp(
  `${NOT_WORD_BEFORE}(?:tel(?:efon)?\\.?(?:-?nr\\.?)?|fon|handy|mobil(?:e|nummer)?|phone|whatsapp|ruf(?:en sie)? an|call)\\s*:?\\s*(\\+?\\d(?:${PHONE_SEP}?\\d){4,15})${NOT_WORD_AFTER}`,
  'giu',
);
/** Numbers after these are references, not phone numbers. */
const REFERENCE_LABEL =
  /(?:nr\.?|nummer|no\.?|#|bestell\p{L}*|auftrag\p{L}*|rechnung\p{L}*|kunden\p{L}*|vorgang\p{L}*|aktenzeichen|az\.|order|invoice|ref\.?|reference|iban|bic|konto\p{L}*|blz|ust-?id\p{L}*|steuer\p{L}*|isbn|artikel\p{L}*|ticket\p{L}*)\s*[:.]?\s*$/iu;

const IBAN_HEAD = /[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})* ?$/;

const digitCount = (s: string) => s.replace(/\D/g, '').length;

export function findPhones(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of matches(PHONE_RE, text)) {
    // "01-03-2015", "05/06/24": a date written with dashes or slashes, not a number to call.
    if (/^\d{1,2}[-/]\d{1,2}[-/](?:\d{2}|\d{4})$/.test(m[0])) continue;
    for (const part of splitRun(m[0], m.index)) {
      const before = text.slice(Math.max(0, part.start - 40), part.start);
      if (REFERENCE_LABEL.test(before)) continue;
      // The tail of an IBAN whose checksum failed is still no phone number.
      if (IBAN_HEAD.test(before)) continue;
      found.push({ category: 'phone', ...part });
    }
  }
  for (const m of matches(PHONE_LABEL_RE, text)) {
    const number = m[1] ?? '';
    const digits = digitCount(number);
    if (digits < 5 || digits > 15) continue;
    const start = m.index + m[0].length - number.length;
    found.push({ category: 'phone', start, end: start + number.length });
  }
  return found;
}

/**
 * One run may hold two numbers ("030 1234567 oder 0171 7654321" has a word between, but
 * "030 123456 0171 765432" does not): split before a group starting with 0 or + when the run is
 * too long, and keep the parts with 7–15 digits.
 */
function splitRun(run: string, offset: number): { start: number; end: number }[] {
  if (digitCount(run) <= 15) return digitCount(run) >= 7 ? [{ start: offset, end: offset + run.length }] : [];
  for (const m of run.matchAll(/ (?=[0+])/g)) {
    const left = run.slice(0, m.index);
    const d = digitCount(left);
    if (d >= 7 && d <= 15) {
      return [{ start: offset, end: offset + left.length }, ...splitRun(run.slice(m.index + 1), offset + m.index + 1)];
    }
  }
  return [];
}

// ---- IBAN ----

const IBAN_RE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\p{L}\p{N}])/giu;

/** ISO 13616 check: move the first four characters to the end, letters → 10–35, mod 97 = 1. */
export function ibanChecksumValid(compact: string): boolean {
  const moved = (compact.slice(4) + compact.slice(0, 4)).toUpperCase();
  let rest = 0;
  for (const ch of moved) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

export function findIbans(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of matches(IBAN_RE, text)) {
    // The run may swallow a following word or number: the longest prefix that checks out wins.
    const run = m[0];
    for (let end = run.length; end >= 15; end -= 1) {
      if (run[end - 1] === ' ' || /[\p{L}\p{N}]/u.test(run[end] ?? '')) continue;
      const compact = run.slice(0, end).replace(/ /g, '');
      if (compact.length >= 15 && compact.length <= 34 && ibanChecksumValid(compact)) {
        found.push({ category: 'iban', start: m.index, end: m.index + end });
        break;
      }
    }
  }
  return found;
}

// ---- dates of birth ----

const MONTHS_DE =
  'Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez';
const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE = [
  '\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})(?!\\d)',
  `\\d{1,2}\\.\\s?(?:${MONTHS_DE})\\.?\\s+\\d{4}`,
  '\\d{4}-\\d{2}-\\d{2}',
  '\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})(?!\\d)',
  `(?:${MONTHS_EN})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS_EN})\\s+\\d{4}`,
].join('|');
const BIRTH_BEFORE = `(?:${NOT_WORD_BEFORE}(?:geb\\.|geboren(?:\\s+(?:am|den|im))?|geburtsdatum|geburtstag(?:\\s+am)?|born(?:\\s+on)?|dob|d\\.o\\.b\\.|date of birth|birthday)\\s*:?\\s*|(?<![\\p{L}\\p{N}*])\\*\\s?)`;
const BIRTH_RE = new RegExp(`${BIRTH_BEFORE}(?:${DATE})`, 'giu');
const BIRTH_AFTER_RE = new RegExp(`${NOT_WORD_BEFORE}(?:${DATE})\\s+(?:geboren|born)${NOT_WORD_AFTER}`, 'giu');
const BIRTH_YEAR_RE = new RegExp(
  `${NOT_WORD_BEFORE}(?:jahrgang|geboren(?:\\s+im\\s+jahr)?|born in)\\s+(?:19|20)\\d{2}${NOT_WORD_AFTER}`,
  'giu',
);

export function findBirthDates(text: string): RawFinding[] {
  return [BIRTH_RE, BIRTH_AFTER_RE, BIRTH_YEAR_RE].flatMap((re) =>
    [...matches(re, text)].map((m) => ({
      category: 'birth_date' as const,
      start: m.index,
      end: m.index + m[0].length,
    })),
  );
}
