import type { AgeBand, CreatePersonInput, Person, PersonKind } from '@nahbar/common';

/** The person form as the fields hold it: the age as one choice (birth date or band), contacts as text. */
export type PersonFormValues = {
  displayName: string;
  kind: PersonKind;
  ageHow: 'birthDate' | 'band';
  birthDate: string;
  ageBand: AgeBand | null;
  guardians: { name: string; contact: string }[];
  jointCustody: boolean;
  notes: string;
};

export function personFormValues(person: Person | null): PersonFormValues {
  return {
    displayName: person?.displayName ?? '',
    kind: person?.kind ?? 'client',
    ageHow: person && !person.birthDate && person.ageBand ? 'band' : 'birthDate',
    birthDate: person?.birthDate ?? '',
    ageBand: person?.ageBand ?? null,
    guardians: person?.guardians.map((g) => ({ name: g.name, contact: g.contact ?? '' })) ?? [],
    jointCustody: person?.jointCustody ?? false,
    notes: person?.notes ?? '',
  };
}

/**
 * What goes to the server. Notes only when the person filling in may see them: for everybody
 * else the field is hidden, and sending its empty value would erase the officer's notes.
 */
export function personInput(values: PersonFormValues, withNotes: boolean): CreatePersonInput {
  const byBirthDate = values.ageHow === 'birthDate';
  const guardians = values.guardians.map((g) => ({ name: g.name.trim(), contact: g.contact.trim() || null }));
  return {
    displayName: values.displayName.trim(),
    kind: values.kind,
    birthDate: byBirthDate ? values.birthDate || null : null,
    ageBand: byBirthDate ? null : values.ageBand,
    guardians,
    jointCustody: guardians.length === 2 && values.jointCustody,
    ...(withNotes ? { notes: values.notes.trim() || null } : {}),
  };
}
