import type { Language, Member, Organisation, Role } from '@nahbar/common';
import { canChangeRoles } from '@nahbar/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { memberships, organisations, users } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';

export function publicOrganisation(org: typeof organisations.$inferSelect): Organisation {
  return {
    id: org.id,
    name: org.name,
    timeZone: org.timeZone,
    language: org.language as Language,
    createdAt: org.createdAt.toISOString(),
  };
}

export async function getOrganisation(db: DbOrTx, orgId: string): Promise<Organisation> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new AppError('not_found');
  return publicOrganisation(org);
}

export async function updateOrganisation(
  db: DbOrTx,
  actor: Actor,
  orgId: string,
  patch: { name?: string | undefined; timeZone?: string | undefined; language?: Language | undefined },
): Promise<Organisation> {
  return db.transaction(async (tx) => {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const [org] = await tx.update(organisations).set(changes).where(eq(organisations.id, orgId)).returning();
    if (!org) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId,
      action: 'org.updated',
      targetType: 'organisation',
      targetId: orgId,
      details: changes,
    });
    return publicOrganisation(org);
  });
}

export async function listMembers(db: DbOrTx, orgId: string): Promise<Member[]> {
  const rows = await db
    .select({ m: memberships, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
  return rows.map(({ m, name, email }) => ({
    userId: m.userId,
    name,
    email,
    roles: m.roles as Role[],
    joinedAt: m.createdAt.toISOString(),
  }));
}

/** Locks the organisation's memberships so two admins cannot remove the last two owners at once. */
async function lockedMembers(tx: DbOrTx, orgId: string) {
  const rows = await tx.execute<{ user_id: string; roles: string[] }>(
    sql`select user_id, roles from memberships where org_id = ${orgId} for update`,
  );
  return rows.rows.map((row) => ({ userId: row.user_id, roles: row.roles as Role[] }));
}

export async function changeMemberRoles(
  db: DbOrTx,
  actor: Actor & { roles: Role[] },
  orgId: string,
  userId: string,
  roles: Role[],
): Promise<Member> {
  return db.transaction(async (tx) => {
    const members = await lockedMembers(tx, orgId);
    const target = members.find((m) => m.userId === userId);
    if (!target) throw new AppError('not_found');
    if (!canChangeRoles(actor.roles, target.roles, roles)) throw new AppError('forbidden');
    const ownersAfter = members.filter((m) => (m.userId === userId ? roles : m.roles).includes('owner')).length;
    if (ownersAfter === 0) throw new AppError('last_owner');
    await tx
      .update(memberships)
      .set({ roles })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    await recordAudit(tx, actor, {
      orgId,
      action: 'member.roles_changed',
      targetType: 'user',
      targetId: userId,
      details: { before: target.roles, after: roles },
    });
    const member = (await listMembers(tx, orgId)).find((m) => m.userId === userId);
    if (!member) throw new AppError('not_found');
    return member;
  });
}

/** Admins remove members; anyone may leave. Owners are removed only by owners; the last one stays. */
export async function removeMember(
  db: DbOrTx,
  actor: Actor & { roles: Role[] },
  orgId: string,
  userId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const members = await lockedMembers(tx, orgId);
    const target = members.find((m) => m.userId === userId);
    if (!target) throw new AppError('not_found');
    const self = userId === actor.userId;
    if (!self && !canChangeRoles(actor.roles, target.roles, [])) throw new AppError('forbidden');
    if (target.roles.includes('owner') && members.filter((m) => m.roles.includes('owner')).length === 1) {
      throw new AppError('last_owner');
    }
    await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    // Otherwise the web app would reopen an organisation the person no longer belongs to.
    await tx
      .update(users)
      .set({ lastOrgId: null })
      .where(and(eq(users.id, userId), eq(users.lastOrgId, orgId)));
    await recordAudit(tx, actor, {
      orgId,
      action: 'member.removed',
      targetType: 'user',
      targetId: userId,
      details: { roles: target.roles, self },
    });
  });
}
