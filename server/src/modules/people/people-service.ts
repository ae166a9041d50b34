import type {
  CreatePersonInput,
  Language,
  Person,
  PersonList,
  personListQuerySchema,
  UpdatePersonInput,
} from '@nahbar/common';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/open.ts';
import { people } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { cursorTime, encodeCursor, olderThan } from '../../http/keyset-cursor.ts';
import { recordAudit } from '../audit/service.ts';
import { orgDay } from './org-day.ts';
import { checkPersonShape } from './person-rules.ts';
import { consentSummaries, type PersonRow, personView } from './person-view.ts';

/** Who asks, where, in which language, and whether they hold privacy.officer (notes). */
export type PeopleActor = Actor & { orgId: string; language: Language; canSeeNotes: boolean };

type ListQuery = z.infer<typeof personListQuerySchema>;

/** One register entry of this organisation, or 404 (also for another organisation's id). */
export async function personRow(db: DbOrTx, orgId: string, personId: string): Promise<PersonRow> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  if (!row) throw new AppError('not_found');
  return row;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Newest first; q finds the display name or a guardian's name, case-insensitive. */
export async function listPeople(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: PeopleActor,
  query: ListQuery,
): Promise<PersonList> {
  const where: SQL[] = [eq(people.orgId, actor.orgId)];
  if (query.kind) where.push(eq(people.kind, query.kind));
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(sql`(${people.displayName} ilike ${pattern} or exists (
      select 1 from jsonb_array_elements(${people.guardians}) g where g->>'name' ilike ${pattern}))`);
  }
  if (query.cursor) where.push(olderThan(people.createdAt, people.id, query.cursor, actor.language));
  const rows = await deps.db
    .select({ row: people, at: cursorTime(people.createdAt) })
    .from(people)
    .where(and(...where))
    .orderBy(desc(people.createdAt), desc(people.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const day = await orgDay(deps.db, actor.orgId, deps.clock());
  const summaries = await consentSummaries(
    deps.db,
    actor.orgId,
    page.map((p) => p.row.id),
    day.today,
  );
  const last = page.at(-1);
  return {
    items: page.map(({ row }) =>
      personView(row, { canSeeNotes: actor.canSeeNotes, ...day, summary: summaries.get(row.id) }),
    ),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at, id: last.row.id }) : null,
  };
}

export async function getPerson(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: PeopleActor,
  personId: string,
): Promise<Person> {
  const row = await personRow(deps.db, actor.orgId, personId);
  return viewOne(deps.db, actor, row, deps.clock());
}

async function viewOne(db: DbOrTx, actor: PeopleActor, row: PersonRow, now: Date): Promise<Person> {
  const day = await orgDay(db, actor.orgId, now);
  const summaries = await consentSummaries(db, actor.orgId, [row.id], day.today);
  return personView(row, { canSeeNotes: actor.canSeeNotes, ...day, summary: summaries.get(row.id) });
}

/** Notes are the privacy officer's: anybody else changing them (even to null) is refused. */
function guardNotes(actor: PeopleActor, input: { notes?: string | null | undefined }): void {
  if (input.notes === undefined || actor.canSeeNotes) return;
  throw new AppError('forbidden', [
    fieldError(
      'notes',
      'privacy_officer_only',
      { de: 'Notizen dürfen nur Datenschutzbeauftragte bearbeiten.', en: 'Only privacy officers may edit notes.' },
      actor.language,
    ),
  ]);
}

export async function createPerson(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: PeopleActor,
  input: CreatePersonInput,
): Promise<Person> {
  // The schema defaults notes to null, so only real notes count as "sent" here.
  if (input.notes != null) guardNotes(actor, input);
  const now = deps.clock();
  const { today } = await orgDay(deps.db, actor.orgId, now);
  const shape = {
    birthDate: input.birthDate ?? null,
    ageBand: input.ageBand ?? null,
    guardians: (input.guardians ?? []).map((g) => ({ name: g.name, contact: g.contact ?? null })),
    jointCustody: input.jointCustody ?? false,
  };
  checkPersonShape(shape, today, actor.language);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({
        orgId: actor.orgId,
        displayName: input.displayName,
        kind: input.kind,
        ...shape,
        notes: input.notes ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'person.created',
      targetType: 'person',
      targetId: row.id,
    });
    return viewOne(tx, actor, row, now);
  });
}

export async function updatePerson(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: PeopleActor,
  personId: string,
  input: UpdatePersonInput,
): Promise<Person> {
  guardNotes(actor, input);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(people)
      .where(and(eq(people.orgId, actor.orgId), eq(people.id, personId)))
      .for('update');
    if (!before) throw new AppError('not_found');
    const { today } = await orgDay(tx, actor.orgId, now);
    const guardians = input.guardians?.map((g) => ({ name: g.name, contact: g.contact ?? null }));
    const shape = {
      birthDate: input.birthDate === undefined ? before.birthDate : input.birthDate,
      ageBand: input.ageBand === undefined ? (before.ageBand as PersonRow['ageBand']) : input.ageBand,
      guardians: guardians ?? before.guardians,
      jointCustody: input.jointCustody ?? before.jointCustody,
    };
    checkPersonShape(shape as Parameters<typeof checkPersonShape>[0], today, actor.language);
    const changes = {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...shape,
      ...(input.notes !== undefined && { notes: input.notes }),
    };
    const [row] = await tx
      .update(people)
      .set({ ...changes, updatedAt: now })
      .where(eq(people.id, personId))
      .returning();
    if (!row) throw new AppError('not_found');
    // Field names only: never the values (names, birth dates, notes) in the audit log.
    const fields = Object.keys(input).sort();
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'person.updated',
      targetType: 'person',
      targetId: personId,
      details: { fields },
    });
    return viewOne(tx, actor, row, now);
  });
}
