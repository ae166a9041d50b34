import { type AgeGroup, ageGroupOn, requiredSignatories, type Signatory } from '@nahbar/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, organisations, people, users } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { gatePerson } from '../people/consent-view.ts';
import { orgDay } from '../people/org-day.ts';

// The person a form or link is about, with what the age rules ask on that day: shared by the
// printed form, the link and its public page, so all three name the same signatories.

export type PersonRow = typeof people.$inferSelect;

export type ConsentSubject = {
  person: PersonRow;
  organisationName: string;
  timeZone: string;
  today: string;
  ageGroup: AgeGroup;
  rules: { guardiansOnlyUnder: number; adultFrom: number };
  /** Who must sign, in the order of the form. */
  required: Signatory[];
};

export async function loadSubject(db: DbOrTx, orgId: string, personId: string, now: Date): Promise<ConsentSubject> {
  const [row] = await db
    .select({ person: people, organisationName: organisations.name })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  if (!row) throw new AppError('not_found');
  const { timeZone, rules, today } = await orgDay(db, orgId, now);
  const person = row.person;
  const subject = gatePerson(person);
  const ageGroup = ageGroupOn(subject, today, rules);
  const required = requiredSignatories(subject, ageGroup);
  return { person, organisationName: row.organisationName, timeZone, today, ageGroup, rules, required };
}

/** The name to print beside a signature line; null when the register has none (a blank line). */
export function signatoryName(person: PersonRow, signatory: Signatory): string | null {
  if (signatory === 'person') return person.displayName;
  return person.guardians[signatory === 'guardian_1' ? 0 : 1]?.name ?? null;
}

/** Channel names for the scope text (a channel removed since is left out). */
export async function channelNames(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ name: channels.name })
    .from(channels)
    .where(and(eq(channels.orgId, orgId), inArray(channels.id, [...ids])));
  return rows.map((r) => r.name);
}

/** Every id a channel of this organisation: another organisation's ids are not found. */
export async function checkChannels(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.orgId, orgId), inArray(channels.id, [...ids])));
  if (rows.length !== new Set(ids).size) throw new AppError('not_found');
}

/** The team member to contact (who prepared the form or link). */
export async function contactOf(db: DbOrTx, userId: string | null): Promise<{ name: string; email: string } | null> {
  if (!userId) return null;
  const [user] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return user ?? null;
}
