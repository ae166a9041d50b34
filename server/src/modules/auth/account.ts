import { and, count, eq, gt, isNull, ne } from 'drizzle-orm';
import QRCode from 'qrcode';
import { hashPassword, verifyPassword } from '../../crypto/passwords.ts';
import { hashToken, newToken } from '../../crypto/tokens.ts';
import { newTotpSecret, otpauthUrl, verifyTotp } from '../../crypto/totp.ts';
import type { DbOrTx } from '../../db/open.ts';
import { memberships, passwordResets, sessions, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor, AuthUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditForUser } from '../audit/for-user.ts';
import { passwordResetMail } from '../mail/templates.ts';
import { deleteUserSessions } from './sessions.ts';

export const RESET_MINUTES = 60;
const MAX_RESETS_PER_HOUR = 3;

/** Always succeeds for the caller, so the answer does not reveal whether an account exists. */
export async function requestPasswordReset(deps: Deps, actor: Actor, email: string): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  if (!user) return;
  const now = deps.clock();
  const [recent] = await deps.db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, new Date(now.getTime() - 3_600_000))));
  if ((recent?.n ?? 0) >= MAX_RESETS_PER_HOUR) return;
  const token = newToken();
  await deps.db.insert(passwordResets).values({
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    createdAt: now,
  });
  await recordAuditForUser(deps.db, actor, user.id, {
    action: 'auth.password_reset_requested',
    targetType: 'user',
    targetId: user.id,
  });
  const url = `${deps.config.publicUrl}/passwort-zuruecksetzen?token=${encodeURIComponent(token)}`;
  const mail = passwordResetMail(user.language === 'en' ? 'en' : 'de', {
    name: user.name,
    url,
    expiresMinutes: RESET_MINUTES,
  });
  await deps.mailer.send({ orgId: null, to: user.email, ...mail });
}

async function expireOpenResets(tx: DbOrTx, userId: string, now: Date): Promise<void> {
  await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

export async function confirmPasswordReset(deps: Deps, actor: Actor, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning();
    if (!reset) throw new AppError('token_invalid', [{ field: 'token', code: 'token_invalid' }]);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    // Whoever knew the old password is signed out everywhere, and older links die with it.
    await deleteUserSessions(tx, reset.userId);
    await expireOpenResets(tx, reset.userId, now);
    await recordAuditForUser(tx, { ...actor, userId: reset.userId }, reset.userId, {
      action: 'auth.password_reset',
      targetType: 'user',
      targetId: reset.userId,
    });
  });
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  user: AuthUser,
  input: { currentPassword: string; newPassword: string },
  keepSessionHash: string,
): Promise<void> {
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('password_wrong', [{ field: 'currentPassword', code: 'password_wrong' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await expireOpenResets(tx, user.id, deps.clock());
    // Other browsers that knew the old password are signed out; this one stays.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.idHash, keepSessionHash)));
    await recordAuditForUser(tx, actor, user.id, {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
    });
  });
}

export async function updateMe(
  deps: Deps,
  user: AuthUser,
  patch: { name?: string | undefined; language?: 'de' | 'en' | undefined; lastOrgId?: string | undefined },
): Promise<AuthUser> {
  if (patch.lastOrgId) {
    const [member] = await deps.db
      .select({ orgId: memberships.orgId })
      .from(memberships)
      .where(and(eq(memberships.orgId, patch.lastOrgId), eq(memberships.userId, user.id)));
    if (!member) throw new AppError('not_found', [{ field: 'lastOrgId', code: 'not_found' }]);
  }
  const [updated] = await deps.db
    .update(users)
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.language !== undefined && { language: patch.language }),
      ...(patch.lastOrgId !== undefined && { lastOrgId: patch.lastOrgId }),
    })
    .where(eq(users.id, user.id))
    .returning();
  return updated ?? user;
}

/** Starts set-up: a fresh secret, sealed, not yet active until a code proves the app has it. */
export async function startTotp(deps: Deps, user: AuthUser) {
  // Restarting would switch the second factor off without password and code; disable first.
  if (user.totpEnabledAt) throw new AppError('totp_already_enabled');
  const secret = newTotpSecret();
  await deps.db
    .update(users)
    .set({ totpSecret: deps.box.seal(secret), totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, user.id));
  const url = otpauthUrl(secret, user.email);
  return { secret, otpauthUrl: url, qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 220 }) };
}

export async function enableTotp(deps: Deps, actor: Actor, user: AuthUser, code: string): Promise<void> {
  if (!user.totpSecret) throw new AppError('totp_not_started');
  if (user.totpEnabledAt) return;
  const now = deps.clock();
  const step = verifyTotp(deps.box.open(user.totpSecret), code, now.getTime());
  if (step === null) throw new AppError('totp_invalid', [{ field: 'code', code: 'totp_invalid' }]);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, user.id));
    await recordAuditForUser(tx, actor, user.id, {
      action: 'auth.totp_enabled',
      targetType: 'user',
      targetId: user.id,
    });
  });
}

export async function disableTotp(
  deps: Deps,
  actor: Actor,
  user: AuthUser,
  input: { password: string; code: string },
): Promise<void> {
  if (!user.totpEnabledAt || !user.totpSecret) return;
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('password_wrong', [{ field: 'password', code: 'password_wrong' }]);
  }
  if (verifyTotp(deps.box.open(user.totpSecret), input.code, deps.clock().getTime()) === null) {
    throw new AppError('totp_invalid', [{ field: 'code', code: 'totp_invalid' }]);
  }
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await recordAuditForUser(tx, actor, user.id, {
      action: 'auth.totp_disabled',
      targetType: 'user',
      targetId: user.id,
    });
  });
}
