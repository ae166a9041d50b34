import {
  type AgeGroup,
  type AgeRules,
  ageGroupOn,
  DEFAULT_PRIVACY_SETTINGS,
  type Person,
  requiredSignatories,
  SIGNATORIES,
  type Signatory,
} from '@nahbar/common';
import { useQuery } from '@tanstack/react-query';
import { peopleApi, peopleKeys } from './people-api.ts';

/** The organisation's age rules; the defaults (14 / 18) when they cannot be read. */
export function useAgeRules(orgId: string): AgeRules {
  const settings = useQuery({
    queryKey: peopleKeys.settings(orgId),
    queryFn: () => peopleApi.privacySettings(orgId),
    retry: false,
    staleTime: 60_000,
  });
  return settings.data ?? DEFAULT_PRIVACY_SETTINGS;
}

/** Who can sign at all: the person, and the guardians actually recorded. */
export function possibleSignatories(person: Person): Signatory[] {
  return SIGNATORIES.filter(
    (s) => s === 'person' || (s === 'guardian_1' ? person.guardians.length >= 1 : person.guardians.length >= 2),
  );
}

/**
 * Who must consent for this person on a day (the consent's first day): the same rule the gate
 * applies at publishing, so the dialog can say up front what will still be missing.
 */
export function signatoryNeeds(
  person: Person,
  day: string,
  rules: AgeRules,
  givenBy: readonly Signatory[],
): { group: AgeGroup; required: Signatory[]; missing: Signatory[] } {
  const group = ageGroupOn(person, day, rules);
  const required = requiredSignatories(
    {
      id: person.id,
      displayName: person.displayName,
      birthDate: person.birthDate,
      ageBand: person.ageBand,
      guardianCount: person.guardians.length,
      jointCustody: person.jointCustody,
    },
    group,
  );
  return { group, required, missing: required.filter((s) => !givenBy.includes(s)) };
}
