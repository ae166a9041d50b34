import type { GateReason } from '@nahbar/common';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../../locales/de/people.json';
import en from '../../locales/en/people.json';
import { gateReasonText, localeFor } from './privacy-reason-text.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { de: { people: de }, en: { people: en } },
  lng: 'de',
  ns: ['people'],
  defaultNS: 'people',
  interpolation: { escapeValue: false },
});

const id = '00000000-0000-4000-8000-000000000001';
const reason = (over: Partial<GateReason>): GateReason => ({
  code: 'no_consent',
  personId: id,
  personName: 'Mia K.',
  ...over,
});
const text = (language: 'de' | 'en', r: GateReason) =>
  gateReasonText(i18n.getFixedT(language, 'people'), r, localeFor(language));

describe('gate reason text', () => {
  it('says plainly that a person has no consent, in German and English', () => {
    expect(text('de', reason({}))).toBe('Für Mia K. liegt keine Einwilligung vor.');
    expect(text('en', reason({}))).toBe('There is no consent for Mia K.');
  });

  it('names the day a consent ended or was withdrawn, as people write dates', () => {
    expect(text('de', reason({ code: 'expired', on: '2026-03-29' }))).toBe(
      'Die Einwilligung von Mia K. ist am 29. März 2026 abgelaufen.',
    );
    expect(text('en', reason({ code: 'withdrawn', on: '2026-01-05' }))).toBe(
      'The consent of Mia K. was withdrawn as of 5 January 2026.',
    );
    expect(text('de', reason({ code: 'not_yet_valid', on: '2026-04-01' }))).toBe(
      'Die Einwilligung von Mia K. gilt erst ab dem 1. April 2026.',
    );
  });

  it('lists who still has to sign', () => {
    const r = reason({ code: 'missing_signatures', missing: ['person', 'guardian_2'] });
    expect(text('de', r)).toBe('Für Mia K. fehlt noch die Zustimmung von: Mia K. selbst und Sorgeberechtigte:r 2.');
    expect(text('en', r)).toBe('For Mia K., consent is still missing from Mia K. and guardian 2.');
  });

  it('explains a channel outside the consent and a blocked image', () => {
    expect(text('de', reason({ code: 'out_of_scope' }))).toBe(
      'Die Einwilligung von Mia K. gilt nicht für diesen Kanal.',
    );
    expect(text('de', reason({ code: 'media_blocked', personId: null, personName: null }))).toMatch(
      /^Ein Bild ist gesperrt/,
    );
  });

  it('never shows a raw placeholder when the name or day is missing', () => {
    expect(text('de', reason({ personName: null }))).toBe(
      'Für eine nicht mehr verzeichnete Person liegt keine Einwilligung vor.',
    );
    expect(text('de', reason({ code: 'expired' }))).toBe('Die Einwilligung von Mia K. ist abgelaufen.');
    expect(text('en', reason({ code: 'missing_signatures' }))).toBe('Signatures are still missing for Mia K.');
  });
});
