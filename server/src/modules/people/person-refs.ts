import { type AgeRules, ageGroupOn, type FieldError, type Language, type Person } from '@nahbar/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { people } from '../../db/schema/index.ts';
import { AppError, fieldError } from '../../http/errors.ts';

export type PersonRef = { id: string; displayName: string; ageGroup: Person['ageGroup'] };

/**
 * Person ids from a request body, all of this organisation and none twice; otherwise
 * input_invalid with the position of each bad id (another organisation's id is just unknown).
 */
export async function checkPersonIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
  field: (index: number) => string,
  language: Language,
): Promise<void> {
  const found = ids.length
    ? await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.orgId, orgId), inArray(people.id, [...new Set(ids)])))
    : [];
  const known = new Set(found.map((r) => r.id));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!known.has(id)) {
      errors.push(
        fieldError(field(i), 'unknown_person', { de: 'Unbekannte Person.', en: 'Unknown person.' }, language),
      );
    } else if (ids.indexOf(id) !== i) {
      errors.push(fieldError(field(i), 'duplicate', { de: 'Doppelt angegeben.', en: 'Given twice.' }, language));
    }
  });
  if (errors.length > 0) throw new AppError('input_invalid', errors);
}

/** Name and today's age group, as tags and named lists show a person. */
export function personRef(
  row: { id: string; displayName: string; birthDate: string | null; ageBand: string | null },
  today: string,
  rules: AgeRules,
): PersonRef {
  const ageBand = row.ageBand as Person['ageBand'];
  return {
    id: row.id,
    displayName: row.displayName,
    ageGroup: ageGroupOn({ birthDate: row.birthDate, ageBand }, today, rules),
  };
}
