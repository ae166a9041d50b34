import { describe, expect, it } from 'vitest';
import { ageOn, checkConsentGate, type GateConsent, type GateInput, type GatePerson } from './consent-gate.ts';

const BERLIN = 'Europe/Berlin';
const RULES = { guardiansOnlyUnder: 14, adultFrom: 18 };
const BLUESKY = { id: 'c-bsky', network: 'bluesky' };
const MASTODON = { id: 'c-masto', network: 'mastodon' };
const FEED = { id: 'c-feed', network: 'feed' };

const person = (over: Partial<GatePerson> = {}): GatePerson => ({
  id: 'p1',
  displayName: 'Lena M.',
  birthDate: '2014-06-15',
  ageBand: null,
  guardianCount: 2,
  jointCustody: true,
  ...over,
});

const consent = (over: Partial<GateConsent> = {}): GateConsent => ({
  personId: 'p1',
  purpose: 'social_media',
  networks: [],
  channelIds: [],
  validFrom: '2026-01-01',
  validUntil: null,
  givenBy: ['guardian_1', 'guardian_2'],
  withdrawnOn: null,
  ...over,
});

/** One image showing p1, on Bluesky, at noon Berlin time on the given day. */
function gate(over: Partial<GateInput> & { day?: string } = {}) {
  const { day = '2026-11-21', ...rest } = over;
  return checkConsentGate({
    media: [{ id: 'm1', status: 'tagged', personIds: ['p1'] }],
    namedPersonIds: [],
    people: [person()],
    consents: [consent()],
    channel: BLUESKY,
    at: `${day}T12:00:00+01:00`,
    timeZone: BERLIN,
    rules: RULES,
    ...rest,
  });
}

describe('ageOn', () => {
  it.each([
    ['2012-11-21', '2026-11-21', 14],
    ['2012-11-22', '2026-11-21', 13],
    ['2008-02-29', '2026-02-28', 18],
    ['2008-02-29', '2026-02-27', 17],
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
  ])('born %s is on %s %i years old', (born, day, age) => {
    expect(ageOn(born, day)).toBe(age);
  });
});

describe('checkConsentGate: who must consent', () => {
  it('lets a child through with both guardians under joint custody', () => {
    expect(gate()).toMatchObject({ allowed: true, reasons: [], minorIds: ['p1'] });
  });

  it('stops a child under joint custody when only one guardian consented', () => {
    const result = gate({ consents: [consent({ givenBy: ['guardian_1'] })] });
    expect(result.allowed).toBe(false);
    expect(result.reasons).toEqual([
      { code: 'missing_signatures', personId: 'p1', personName: 'Lena M.', missing: ['guardian_2'] },
    ]);
  });

  it('lets one guardian consent alone without joint custody', () => {
    const result = gate({
      people: [person({ jointCustody: false })],
      consents: [consent({ givenBy: ['guardian_1'] })],
    });
    expect(result.allowed).toBe(true);
  });

  it('does not count the child’s own consent under 14', () => {
    const result = gate({ consents: [consent({ givenBy: ['person'] })] });
    expect(result.reasons[0]).toMatchObject({ code: 'missing_signatures', missing: ['guardian_1', 'guardian_2'] });
  });

  it('adds the birthday child’s own consent on the day they turn 14', () => {
    const born = '2012-11-21';
    const before = gate({ day: '2026-11-20', people: [person({ birthDate: born })] });
    const on = gate({ day: '2026-11-21', people: [person({ birthDate: born })] });
    expect(before.allowed).toBe(true);
    expect(on.reasons).toEqual([
      { code: 'missing_signatures', personId: 'p1', personName: 'Lena M.', missing: ['person'] },
    ]);
  });

  it('needs the young person and the guardians between 14 and 17, from two consents together', () => {
    const result = gate({
      people: [person({ birthDate: '2010-03-01' })],
      consents: [consent({ givenBy: ['guardian_1', 'guardian_2'] }), consent({ givenBy: ['person'] })],
    });
    expect(result).toMatchObject({ allowed: true, minorIds: ['p1'] });
  });

  it('asks the person themselves from the 18th birthday: the guardians’ consent no longer carries', () => {
    const born = '2008-11-22';
    const people = [person({ birthDate: born })];
    expect(
      gate({ day: '2026-11-21', people, consents: [consent({ givenBy: ['person', 'guardian_1', 'guardian_2'] })] })
        .allowed,
    ).toBe(true);
    const adult = gate({ day: '2026-11-22', people });
    expect(adult.reasons[0]).toMatchObject({ code: 'missing_signatures', missing: ['person'] });
    expect(adult.minorIds).toEqual([]);
  });

  it('uses the age band when no birth date is recorded, and the strictest rule when neither is', () => {
    const teen = gate({ people: [person({ birthDate: null, ageBand: '14_17' })] });
    expect(teen.reasons[0]).toMatchObject({ missing: ['person'] });
    const adult = gate({
      people: [person({ birthDate: null, ageBand: 'adult' })],
      consents: [consent({ givenBy: ['person'] })],
    });
    expect(adult.allowed).toBe(true);
    const unknown = gate({
      people: [person({ birthDate: null, ageBand: null })],
      consents: [consent({ givenBy: ['person'] })],
    });
    expect(unknown.reasons[0]).toMatchObject({ code: 'missing_signatures', missing: ['guardian_1', 'guardian_2'] });
  });

  it('follows the organisation’s own age rules', () => {
    const people = [person({ birthDate: '2010-01-01' })];
    expect(gate({ people }).allowed).toBe(false);
    expect(gate({ people, rules: { guardiansOnlyUnder: 18, adultFrom: 18 } }).allowed).toBe(true);
  });
});

describe('checkConsentGate: when a consent counts', () => {
  it('counts a consent through its last day, midnight in Berlin', () => {
    const consents = [consent({ validUntil: '2026-12-31' })];
    const lastMinute = gate({ consents, at: '2026-12-31T22:59:00Z' });
    const firstMinute = gate({ consents, at: '2026-12-31T23:00:00Z' });
    expect(lastMinute.allowed).toBe(true);
    expect(firstMinute.reasons).toEqual([{ code: 'expired', personId: 'p1', personName: 'Lena M.', on: '2026-12-31' }]);
  });

  it('does not count a consent before it starts', () => {
    const result = gate({ consents: [consent({ validFrom: '2026-12-01' })] });
    expect(result.reasons[0]).toMatchObject({ code: 'not_yet_valid', on: '2026-12-01' });
  });

  it('stops from the day of the withdrawal on, and says so before an expiry', () => {
    const consents = [consent({ withdrawnOn: '2026-11-21' }), consent({ validUntil: '2026-06-30' })];
    expect(gate({ day: '2026-11-20', consents: [consents[0]!] }).allowed).toBe(true);
    expect(gate({ consents }).reasons[0]).toMatchObject({ code: 'withdrawn', on: '2026-11-21' });
  });

  it('keeps a still valid consent when an older one was withdrawn', () => {
    const consents = [consent({ withdrawnOn: '2026-03-01' }), consent({ validFrom: '2026-04-01' })];
    expect(gate({ consents }).allowed).toBe(true);
  });
});

describe('checkConsentGate: scope', () => {
  it('honours a consent limited to one network', () => {
    const consents = [consent({ networks: ['bluesky'] })];
    expect(gate({ consents }).allowed).toBe(true);
    expect(gate({ consents, channel: MASTODON }).reasons[0]).toMatchObject({ code: 'out_of_scope' });
  });

  it('honours a consent limited to one channel over its networks', () => {
    const consents = [consent({ networks: ['bluesky'], channelIds: ['c-other'] })];
    expect(gate({ consents }).reasons[0]).toMatchObject({ code: 'out_of_scope' });
  });

  it('treats the website feed as the website purpose, not social media', () => {
    expect(gate({ channel: FEED }).reasons[0]).toMatchObject({ code: 'out_of_scope' });
    expect(gate({ channel: FEED, consents: [consent({ purpose: 'website' })] }).allowed).toBe(true);
    expect(gate({ consents: [consent({ purpose: 'print' })] }).reasons[0]).toMatchObject({ code: 'out_of_scope' });
  });

  it('says no consent when the person has none at all', () => {
    expect(gate({ consents: [] }).reasons[0]).toMatchObject({ code: 'no_consent', personId: 'p1' });
  });
});

describe('checkConsentGate: images and names', () => {
  it('lets § 23 KUG and "nobody identifiable" images through without consent', () => {
    const media = [
      { id: 'm1', status: 'kug23' as const, personIds: [] },
      { id: 'm2', status: 'none' as const, personIds: [] },
    ];
    expect(gate({ media, consents: [] })).toMatchObject({ allowed: true, unreviewedMediaIds: [] });
  });

  it('warns about unreviewed images without blocking: no face found is not nobody there', () => {
    const result = gate({ media: [{ id: 'm9', status: 'unreviewed', personIds: [] }], consents: [] });
    expect(result).toMatchObject({ allowed: true, unreviewedMediaIds: ['m9'] });
  });

  it('blocks an image whose depicted person was erased', () => {
    const result = gate({ media: [{ id: 'm3', status: 'blocked', personIds: [] }] });
    expect(result.reasons).toEqual([{ code: 'media_blocked', personId: null, personName: null, mediaId: 'm3' }]);
  });

  it('checks people named in the text like people in the picture', () => {
    const result = gate({
      media: [],
      namedPersonIds: ['p2'],
      people: [person(), person({ id: 'p2', displayName: 'Herr K.', birthDate: '1960-01-01' })],
      consents: [consent()],
    });
    expect(result.reasons).toEqual([{ code: 'no_consent', personId: 'p2', personName: 'Herr K.' }]);
  });

  it('gives one reason per person, each person once', () => {
    const result = gate({
      media: [
        { id: 'm1', status: 'tagged', personIds: ['p1', 'p2'] },
        { id: 'm2', status: 'tagged', personIds: ['p2'] },
      ],
      namedPersonIds: ['p2'],
      people: [person(), person({ id: 'p2', displayName: 'Tom', birthDate: '2015-01-01' })],
    });
    expect(result.reasons.map((r) => r.personId)).toEqual(['p2']);
    expect(result.minorIds).toEqual(['p1', 'p2']);
  });
});
