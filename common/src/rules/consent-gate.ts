// The consent gate: may this post go out on this channel at this moment, given who it shows or
// names? One pure function, used live by the composer (through the server), by scheduling and
// approval, and again by the engine just before publishing — a consent that ended overnight
// stops the post in the morning. Rules: PRODUCT.md "Consent rules".

import type { NetworkId } from '../schemas/channels.ts';
import type {
  AgeBand,
  ConsentPurpose,
  GateReason,
  GateResult,
  PeopleStatus,
  PrivacySettings,
  Signatory,
} from '../schemas/people.ts';
import { isoToZonedWallTime } from './zoned-time.ts';

export type AgeGroup = 'child' | 'youth' | 'adult';
export type AgeRules = Pick<PrivacySettings, 'guardiansOnlyUnder' | 'adultFrom'>;

export type GatePerson = {
  id: string;
  displayName: string;
  birthDate: string | null;
  ageBand: AgeBand | null;
  /** How many guardians are recorded (0–2). */
  guardianCount: number;
  jointCustody: boolean;
};

export type GateConsent = {
  personId: string;
  purpose: ConsentPurpose;
  networks: readonly string[];
  channelIds: readonly string[];
  validFrom: string;
  validUntil: string | null;
  givenBy: readonly Signatory[];
  /** The day the withdrawal takes effect (from this day on the consent no longer counts). */
  withdrawnOn: string | null;
};

export type GateMedia = { id: string; status: PeopleStatus; personIds: readonly string[] };

export type GateInput = {
  /** The post's images (and videos) with who they show. */
  media: readonly GateMedia[];
  /** People named in the text. */
  namedPersonIds: readonly string[];
  /** Everybody referenced above (unknown ids are treated as people without any consent). */
  people: readonly GatePerson[];
  consents: readonly GateConsent[];
  channel: { id: string; network: NetworkId | string };
  /** The publish moment. */
  at: Date | string | number;
  timeZone: string;
  rules: AgeRules;
};

/** The website feed is the organisation's own website; everything else is social media. */
export function purposeForNetwork(network: string): ConsentPurpose {
  return network === 'feed' ? 'website' : 'social_media';
}

/** The day of a moment in the organisation's zone ("2026-03-29"). */
export function localDay(at: Date | string | number, timeZone: string): string {
  const epoch = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;
  return isoToZonedWallTime(epoch, timeZone).date;
}

/** Completed years on `day`; a 29 February birthday counts on 28 February in other years. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  const leapless = bm === 2 && bd === 29 && !isLeap(y);
  const birthdayMonth = bm;
  const birthdayDay = leapless ? 28 : bd;
  if (m < birthdayMonth || (m === birthdayMonth && d < birthdayDay)) age -= 1;
  return age;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** child: guardians only; youth: the person and the guardians; adult: the person. */
export function ageGroupOn(person: Pick<GatePerson, 'birthDate' | 'ageBand'>, day: string, rules: AgeRules): AgeGroup {
  if (person.birthDate) {
    const age = ageOn(person.birthDate, day);
    if (age < rules.guardiansOnlyUnder) return 'child';
    if (age < rules.adultFrom) return 'youth';
    return 'adult';
  }
  if (person.ageBand === 'adult') return 'adult';
  if (person.ageBand === '14_17') return 'youth';
  // No birth date and no band, or under 14: the strictest rule.
  return 'child';
}

/** Who must have consented, for this person on this day. */
export function requiredSignatories(person: GatePerson, group: AgeGroup): Signatory[] {
  const guardians: Signatory[] =
    person.jointCustody && person.guardianCount >= 2 ? ['guardian_1', 'guardian_2'] : ['guardian_1'];
  if (group === 'adult') return ['person'];
  if (group === 'youth') return ['person', ...guardians];
  return guardians;
}

/** Does this consent's scope cover the channel? */
export function consentCovers(consent: GateConsent, channel: GateInput['channel']): boolean {
  if (consent.purpose !== purposeForNetwork(channel.network)) return false;
  if (consent.purpose !== 'social_media') return true;
  if (consent.channelIds.length > 0) return consent.channelIds.includes(channel.id);
  if (consent.networks.length > 0) return consent.networks.includes(channel.network);
  return true;
}

type DayState = 'valid' | 'not_yet_valid' | 'expired' | 'withdrawn';

export function consentStateOn(consent: GateConsent, day: string): DayState {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= day) return 'withdrawn';
  if (day < consent.validFrom) return 'not_yet_valid';
  if (consent.validUntil !== null && day > consent.validUntil) return 'expired';
  return 'valid';
}

/** Why one person blocks the post, or null when their consents carry it. */
function personReason(
  person: GatePerson,
  consents: readonly GateConsent[],
  input: GateInput,
  day: string,
): GateReason | null {
  const own = consents.filter((c) => c.personId === person.id);
  const base = { personId: person.id, personName: person.displayName };
  if (own.length === 0) return { code: 'no_consent', ...base };
  const inScope = own.filter((c) => consentCovers(c, input.channel));
  if (inScope.length === 0) return { code: 'out_of_scope', ...base };
  const valid = inScope.filter((c) => consentStateOn(c, day) === 'valid');
  if (valid.length === 0) {
    // Say what ended it, the most recent first: a withdrawal outranks an expiry.
    const withdrawn = inScope.filter((c) => consentStateOn(c, day) === 'withdrawn');
    if (withdrawn.length > 0) {
      const on = withdrawn
        .map((c) => c.withdrawnOn!)
        .sort()
        .at(-1)!;
      return { code: 'withdrawn', ...base, on };
    }
    const expired = inScope.filter((c) => consentStateOn(c, day) === 'expired');
    if (expired.length > 0)
      return {
        code: 'expired',
        ...base,
        on: expired
          .map((c) => c.validUntil!)
          .sort()
          .at(-1)!,
      };
    return { code: 'not_yet_valid', ...base, on: inScope.map((c) => c.validFrom).sort()[0]! };
  }
  const given = new Set(valid.flatMap((c) => c.givenBy));
  const missing = requiredSignatories(person, ageGroupOn(person, day, input.rules)).filter((s) => !given.has(s));
  if (missing.length > 0) return { code: 'missing_signatures', ...base, missing };
  return null;
}

/** Allowed, or blocked with one reason per person (and per blocked image). */
export function checkConsentGate(input: GateInput): GateResult {
  const day = localDay(input.at, input.timeZone);
  const reasons: GateReason[] = [];
  const unreviewed: string[] = [];
  // People in the pictures first, in picture order, then the ones only named.
  const involved = new Set<string>();
  for (const item of input.media) {
    if (item.status === 'blocked')
      reasons.push({ code: 'media_blocked', personId: null, personName: null, mediaId: item.id });
    if (item.status === 'unreviewed') unreviewed.push(item.id);
    // § 23 KUG and "nobody identifiable" images need no consent; tags count whatever the status.
    for (const id of item.personIds) involved.add(id);
  }
  for (const id of input.namedPersonIds) involved.add(id);
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const minorIds: string[] = [];
  for (const id of involved) {
    const person = byId.get(id) ?? {
      id,
      displayName: '?',
      birthDate: null,
      ageBand: null,
      guardianCount: 0,
      jointCustody: false,
    };
    if (ageGroupOn(person, day, input.rules) !== 'adult') minorIds.push(id);
    const reason = personReason(person, input.consents, input, day);
    if (reason) reasons.push(reason);
  }
  return { allowed: reasons.length === 0, reasons, unreviewedMediaIds: unreviewed, minorIds };
}
