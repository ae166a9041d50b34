import type { Invitation, InvitationPreview, Language, Role } from '@nahbar/common';
import { canChangeRoles } from '@nahbar/common';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { hashPassword } from '../../crypto/passwords.ts';
import { hashToken, newToken } from '../../crypto/tokens.ts';
import { invitations, memberships, organisations, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor, AuthUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { invitationMail } from '../mail/templates.ts';

export const INVITATION_DAYS = 7;

function publicInvitation(row: typeof invitations.$inferSelect, invitedBy: string | null): Invitation {
  return {
    id: row.id,
    email: row.email,
    roles: row.roles as Role[],
    invitedBy,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listOpenInvitations(deps: Deps, orgId: string): Promise<Invitation[]> {
  const rows = await deps.db
    .select({ inv: invitations, inviter: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.orgId, orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, deps.clock()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return rows.map(({ inv, inviter }) => publicInvitation(inv, inviter));
}

export async function createInvitation(
  deps: Deps,
  actor: Actor & { roles: Role[]; name: string },
  orgId: string,
  input: { email: string; roles: Role[]; language?: Language | undefined },
): Promise<Invitation> {
  if (!canChangeRoles(actor.roles, [], input.roles)) throw new AppError('forbidden');
  const token = newToken();
  const now = deps.clock();
  const { invitation, org } = await deps.db.transaction(async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
    if (!org) throw new AppError('not_found');
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), eq(users.email, input.email)));
    if (member) throw new AppError('already_member', [{ field: 'email', code: 'already_member' }]);
    const [invitation] = await tx
      .insert(invitations)
      .values({
        orgId,
        email: input.email,
        roles: input.roles,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
        createdAt: now,
      })
      .returning();
    if (!invitation) throw new Error('invitation insert returned nothing');
    await recordAudit(tx, actor, {
      orgId,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: invitation.id,
      details: { email: input.email, roles: input.roles },
    });
    return { invitation, org };
  });
  const mail = invitationMail(input.language ?? (org.language as Language), {
    organisation: org.name,
    inviter: actor.name,
    url: `${deps.config.publicUrl}/einladung?token=${encodeURIComponent(token)}`,
    expiresDays: INVITATION_DAYS,
  });
  await deps.mailer.send({ orgId, to: input.email, ...mail });
  return publicInvitation(invitation, actor.name);
}

export async function revokeInvitation(deps: Deps, actor: Actor, orgId: string, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: deps.clock() })
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.orgId, orgId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: id,
      details: { email: row.email },
    });
  });
}

async function openInvitation(deps: Deps, token: string) {
  const [row] = await deps.db
    .select({ inv: invitations, orgName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, deps.clock()),
      ),
    );
  if (!row) throw new AppError('invitation_invalid');
  return row;
}

export async function previewInvitation(deps: Deps, token: string): Promise<InvitationPreview> {
  const { inv, orgName } = await openInvitation(deps, token);
  const [account] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
  return {
    organisationName: orgName,
    email: inv.email,
    roles: inv.roles as Role[],
    expiresAt: inv.expiresAt.toISOString(),
    accountExists: Boolean(account),
  };
}

/**
 * Accepting adds the membership. The link proves the e-mail address, so a new account may be
 * created with it; an existing account must be signed in as that address.
 */
export async function acceptInvitation(
  deps: Deps,
  actor: Actor,
  signedIn: AuthUser | null,
  token: string,
  input: { name?: string | undefined; password?: string | undefined },
): Promise<{ userId: string; created: boolean }> {
  const { inv } = await openInvitation(deps, token);
  const [account] = await deps.db.select().from(users).where(eq(users.email, inv.email));
  if (account && !signedIn) throw new AppError('invitation_needs_signin');
  if (signedIn && signedIn.email !== inv.email) throw new AppError('invitation_wrong_account');
  if (!account) {
    const missing = [
      ...(input.name ? [] : [{ field: 'name', code: 'required' }]),
      ...(input.password ? [] : [{ field: 'password', code: 'required' }]),
    ];
    if (missing.length > 0) throw new AppError('validation_failed', missing);
  }
  const passwordHash = account ? null : await hashPassword(input.password!);
  return deps.db.transaction(async (tx) => {
    // Claim the invitation first: of two concurrent accepts only one gets the row.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: deps.clock() })
      .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!claimed) throw new AppError('invitation_invalid');
    let userId = account?.id;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email: inv.email, name: input.name!, passwordHash: passwordHash!, lastOrgId: inv.orgId })
        .returning({ id: users.id });
      userId = created!.id;
    }
    const roles = inv.roles as Role[];
    await tx
      .insert(memberships)
      .values({ orgId: inv.orgId, userId, roles })
      .onConflictDoNothing({ target: [memberships.orgId, memberships.userId] });
    await tx.update(users).set({ lastOrgId: inv.orgId }).where(eq(users.id, userId));
    await recordAudit(
      tx,
      { ...actor, userId },
      {
        orgId: inv.orgId,
        action: 'invitation.accepted',
        targetType: 'invitation',
        targetId: inv.id,
        details: { email: inv.email, roles, newAccount: !account },
      },
    );
    return { userId, created: !account };
  });
}
