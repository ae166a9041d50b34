import { type OrganisationInput, organisationInputSchema, type SetupInput } from '@nahbar/common';
import { count, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../crypto/passwords.ts';
import type { DbOrTx } from '../../db/open.ts';
import { memberships, organisations, users } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';

export async function setupNeeded(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/** Creates an organisation with the given user as its owner (inside the caller's transaction). */
export async function createOrganisation(db: DbOrTx, actor: Actor, ownerId: string, input: OrganisationInput) {
  const values = organisationInputSchema.parse(input);
  const [org] = await db.insert(organisations).values(values).returning();
  if (!org) throw new Error('organisation insert returned nothing');
  await db.insert(memberships).values({ orgId: org.id, userId: ownerId, roles: ['owner'] });
  await recordAudit(db, actor, {
    orgId: org.id,
    action: 'org.created',
    targetType: 'organisation',
    targetId: org.id,
    details: { name: org.name },
  });
  return org;
}

type Parsed = { organisation: OrganisationInput; owner: { name: string; email: string; password: string } };

/**
 * First organisation and its owner. `onlyIfEmpty` (the web set-up page) refuses once any
 * account exists; the create-admin command may add further organisations.
 */
export async function createOwnerAndOrganisation(
  db: DbOrTx,
  ip: string | null,
  input: Parsed | SetupInput,
  options: { onlyIfEmpty: boolean },
): Promise<{ userId: string; orgId: string }> {
  const passwordHash = await hashPassword(input.owner.password);
  return db.transaction(async (tx) => {
    // Two set-up requests at once: the lock makes the second see the first's account.
    await tx.execute(sql`select pg_advisory_xact_lock(724052)`);
    if (options.onlyIfEmpty && !(await setupNeeded(tx))) throw new AppError('already_set_up');
    const email = input.owner.email.trim().toLowerCase();
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new AppError('email_taken', [{ field: 'owner.email', code: 'email_taken' }]);
    const [user] = await tx
      .insert(users)
      .values({
        email,
        name: input.owner.name,
        passwordHash,
        language: input.organisation.language ?? 'de',
        instanceAdmin: true,
      })
      .returning();
    if (!user) throw new Error('user insert returned nothing');
    const org = await createOrganisation(tx, { userId: user.id, ip }, user.id, input.organisation);
    await tx.update(users).set({ lastOrgId: org.id }).where(eq(users.id, user.id));
    return { userId: user.id, orgId: org.id };
  });
}
