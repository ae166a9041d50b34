import type { GateReason } from '@nahbar/common';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../../locales/de/posts.json';
import en from '../../locales/en/posts.json';
import { emptyDraft } from './composer-draft.ts';
import { blockedSendLines, consentReasonText, type ReasonContext } from './consent-reason-text.ts';
import { excerpt, namedInText, scanDraft } from './pii-findings.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { de: { posts: de }, en: { posts: en } },
  lng: 'de',
  ns: ['posts'],
  defaultNS: 'posts',
  interpolation: { escapeValue: false },
});
const t = (language: 'de' | 'en') => i18n.getFixedT(language, 'posts');

const lena = '00000000-0000-4000-8000-000000000001';
const mastodon = { id: '00000000-0000-4000-8000-0000000000aa', name: 'Mastodon Jugendhilfe', network: 'mastodon' };
const ctx: ReasonContext = {
  channel: mastodon,
  people: [{ id: lena, displayName: 'Lena M.', ageGroup: 'child', depicted: true, named: false }],
  locale: 'de-DE',
};
const reason = (over: Partial<GateReason>): GateReason => ({
  code: 'no_consent',
  personId: lena,
  personName: 'Lena M.',
  ...over,
});

describe('consent reasons in the composer', () => {
  it('names the person with the age group and the missing guardian under joint custody', () => {
    expect(consentReasonText(t('de'), reason({ code: 'missing_signatures', missing: ['guardian_2'] }), ctx)).toBe(
      'Für Lena M. (Kind) fehlt die Einwilligung von Sorgeberechtigte:r 2 (gemeinsames Sorgerecht).',
    );
    expect(
      consentReasonText(t('en'), reason({ code: 'missing_signatures', missing: ['person', 'guardian_1'] }), {
        ...ctx,
        locale: 'en-GB',
      }),
    ).toBe('For Lena M. (child), consent from the person themselves and guardian 1 is missing.');
  });

  it('says which channel a consent does not cover, and when one ended', () => {
    expect(consentReasonText(t('de'), reason({ code: 'out_of_scope' }), ctx)).toBe(
      'Die Einwilligung von Lena M. (Kind) gilt nicht für Mastodon Jugendhilfe (Mastodon) – sie umfasst diesen Kanal nicht.',
    );
    expect(consentReasonText(t('de'), reason({ code: 'expired', on: '2026-12-31' }), ctx)).toBe(
      'Die Einwilligung von Lena M. (Kind) ist am 31. Dezember 2026 abgelaufen.',
    );
    expect(consentReasonText(t('de'), reason({ code: 'withdrawn', on: '2026-03-02' }), ctx)).toBe(
      'Die Einwilligung von Lena M. (Kind) wurde am 2. März 2026 widerrufen.',
    );
    expect(consentReasonText(t('en'), reason({ code: 'no_consent', personId: null, personName: null }), ctx)).toBe(
      'There is no consent for a person no longer in the register.',
    );
  });

  it('turns a refused schedule into one line per channel and reason, or per PII passage', () => {
    const consent = {
      code: 'consent_blocked',
      details: [{ field: 'targets.0', channelId: mastodon.id, reasons: [reason({})] }],
    };
    expect(blockedSendLines(t('de'), consent, [mastodon], 'de-DE')).toEqual([
      'Mastodon Jugendhilfe: Für Lena M. liegt keine Einwilligung vor.',
    ]);
    const pii = {
      code: 'pii_blocked',
      details: [
        { field: 'text', category: 'phone', text: '0171 1234567' },
        { field: 'targets.0.text', category: 'phone', text: '0171 1234567' },
      ],
    };
    expect(blockedSendLines(t('de'), pii, [], 'de-DE')).toEqual(['Telefonnummer: „0171 1234567“']);
    expect(blockedSendLines(t('de'), { code: 'post_invalid', details: [] }, [], 'de-DE')).toBeNull();
  });
});

describe('PII findings in the draft', () => {
  const names = [{ personId: lena, name: 'Lena M.' }];
  it('scans the base text and each own version, and collects the register names', () => {
    const draft = {
      ...emptyDraft(),
      text: 'Lena M. hat gewonnen!',
      channelIds: [mastodon.id],
      variants: { [mastodon.id]: 'Ruft an: 0171 1234567 (Lena M.)' },
    };
    const scanned = scanDraft(draft, [mastodon as never], { names });
    expect(scanned.map((s) => [s.source.kind, s.findings.map((f) => f.category)])).toEqual([
      ['base', ['person_name']],
      ['channel', ['phone', 'person_name']],
    ]);
    expect(namedInText(scanned)).toEqual([lena]);
  });

  it('cuts an excerpt at word boundaries around the finding', () => {
    const text =
      'Wir danken allen Familien herzlich. Rufen Sie gern an unter 0171 1234567, wir freuen uns auf Sie alle im Sommer.';
    const start = text.indexOf('0171');
    const cut = excerpt(text, { start, end: start + 12 }, 20);
    expect(cut).toEqual({ before: '… Sie gern an unter ', match: '0171 1234567', after: ', wir freuen uns auf …' });
  });
});
