import type { Language, MembershipSummary, OrganisationInput, Role } from '@nahbar/common';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { memberships, organisations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';
import { createOrganisation } from '../setup/service.ts';
import { publicOrganisation } from './service.ts';

export async function listMyOrganisations(db: DbOrTx, userId: string): Promise<MembershipSummary[]> {
  const rows = await db
    .select({ org: organisations, roles: memberships.roles })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
  return rows.map(({ org, roles }) => ({
    id: org.id,
    name: org.name,
    timeZone: org.timeZone,
    language: org.language as Language,
    roles: roles as Role[],
  }));
}

export async function createOrganisationFor(db: DbOrTx, actor: Actor, userId: string, input: OrganisationInput) {
  return publicOrganisation(await db.transaction((tx) => createOrganisation(tx, actor, userId, input)));
}
