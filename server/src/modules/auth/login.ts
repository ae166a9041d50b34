import type { LoginInput } from '@nahbar/common';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { dummyPasswordHash, verifyPassword } from '../../crypto/passwords.ts';
import { verifyTotp } from '../../crypto/totp.ts';
import { loginAttempts, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditForUser } from '../audit/for-user.ts';
import { createSession, type NewSession } from './sessions.ts';

// Failed attempts allowed per window; counted in Postgres so several web processes agree.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

async function failuresSince(deps: Deps, column: 'email' | 'ip', value: string): Promise<number> {
  const since = new Date(deps.clock().getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const key = column === 'email' ? loginAttempts.email : loginAttempts.ip;
  // Failures after the last success for this key count; a correct sign-in clears the slate.
  const [row] = await deps.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(key, value),
        eq(loginAttempts.success, false),
        gt(loginAttempts.createdAt, since),
        sql`${loginAttempts.createdAt} > coalesce((select max(la.created_at) from login_attempts la where la.${sql.raw(column)} = ${value} and la.success), '-infinity')`,
      ),
    );
  return row?.n ?? 0;
}

export async function login(
  deps: Deps,
  actor: Actor,
  userAgent: string | null,
  input: Required<Pick<LoginInput, 'email' | 'password'>> & { totp?: string | undefined },
): Promise<{ userId: string; session: NewSession }> {
  const ip = actor.ip ?? 'unknown';
  const retryAfter = { 'retry-after': String(LOGIN_WINDOW_MINUTES * 60) };
  if (
    (await failuresSince(deps, 'email', input.email)) >= MAX_FAILURES_PER_EMAIL ||
    (await failuresSince(deps, 'ip', ip)) >= MAX_FAILURES_PER_IP
  ) {
    throw new AppError('rate_limited', undefined, retryAfter);
  }
  const [user] = await deps.db.select().from(users).where(eq(users.email, input.email));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const now = deps.clock();
  const fail = async (code: 'invalid_credentials' | 'totp_invalid') => {
    await deps.db.insert(loginAttempts).values({ email: input.email, ip, success: false, createdAt: now });
    if (user) {
      await recordAuditForUser(deps.db, { userId: user.id, ip: actor.ip }, user.id, {
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        details: { reason: code },
      });
    }
    return new AppError(code);
  };
  if (!user || !passwordOk) throw await fail('invalid_credentials');

  if (user.totpEnabledAt && user.totpSecret) {
    if (!input.totp) throw new AppError('totp_required');
    const step = verifyTotp(deps.box.open(user.totpSecret), input.totp, now.getTime());
    // A code is good once: a step at or before the last accepted one is a replay.
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) throw await fail('totp_invalid');
    await deps.db.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
  }

  return deps.db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email: input.email, ip, success: true, createdAt: now });
    const session = await createSession(tx, user.id, { ip: actor.ip, userAgent, now });
    await recordAuditForUser(tx, { userId: user.id, ip: actor.ip }, user.id, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      details: { method: user.totpEnabledAt ? 'password+totp' : 'password' },
    });
    return { userId: user.id, session };
  });
}
