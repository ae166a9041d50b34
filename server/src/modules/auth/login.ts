import type { LoginInput } from '@nahbar/common';
import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { dummyPasswordHash, verifyPassword } from '../../crypto/passwords.ts';
import { verifyTotp } from '../../crypto/totp.ts';
import type { DbOrTx } from '../../db/open.ts';
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

/**
 * Failures that still count against an e-mail address: those after its last successful
 * sign-in. Against an IP address: those whose address has not signed in successfully since
 * — an office's typos are forgiven once each person gets in, but an attacker signing in to
 * their own account does not wipe the guesses at everyone else's.
 */
async function failuresSince(db: DbOrTx, now: Date, column: 'email' | 'ip', value: string): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const key = column === 'email' ? loginAttempts.email : loginAttempts.ip;
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(key, value),
        eq(loginAttempts.success, false),
        gt(loginAttempts.createdAt, since),
        sql`not exists (select 1 from login_attempts la where la.email = ${loginAttempts.email} and la.success and la.created_at > ${loginAttempts.createdAt})`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * Checks the limits and records the attempt as a failure in one short locked step, before the
 * slow password check: parallel guesses see each other and cannot slip past the limit. A
 * correct sign-in later turns its row into a success.
 */
async function claimAttempt(deps: Deps, email: string, ip: string, now: Date): Promise<string> {
  return deps.db.transaction(async (tx) => {
    // Always email first, then ip: one order, no deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:email:${email}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:ip:${ip}`}))`);
    if (
      (await failuresSince(tx, now, 'email', email)) >= MAX_FAILURES_PER_EMAIL ||
      (await failuresSince(tx, now, 'ip', ip)) >= MAX_FAILURES_PER_IP
    ) {
      throw new AppError('rate_limited', undefined, { 'retry-after': String(LOGIN_WINDOW_MINUTES * 60) });
    }
    const [attempt] = await tx
      .insert(loginAttempts)
      .values({ email, ip, success: false, createdAt: now })
      .returning({ id: loginAttempts.id });
    return attempt!.id;
  });
}

export async function login(
  deps: Deps,
  actor: Actor,
  userAgent: string | null,
  input: Required<Pick<LoginInput, 'email' | 'password'>> & { totp?: string | undefined },
): Promise<{ userId: string; session: NewSession }> {
  const ip = actor.ip ?? 'unknown';
  const now = deps.clock();
  const attemptId = await claimAttempt(deps, input.email, ip, now);
  const [user] = await deps.db.select().from(users).where(eq(users.email, input.email));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  // The attempt is already recorded as a failure; only the audit entry is left to write.
  const fail = async (code: 'invalid_credentials' | 'totp_invalid') => {
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
    if (!input.totp) {
      // Right password, second step still to come: not a failed guess.
      await deps.db.delete(loginAttempts).where(eq(loginAttempts.id, attemptId));
      throw new AppError('totp_required');
    }
    const step = verifyTotp(deps.box.open(user.totpSecret), input.totp, now.getTime());
    if (step === null) throw await fail('totp_invalid');
    // A code is good once: a step at or before the last accepted one is a replay. The check is
    // in the update itself, so of two simultaneous sign-ins with one code only one wins.
    const [claimed] = await deps.db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    if (!claimed) throw await fail('totp_invalid');
  }

  return deps.db.transaction(async (tx) => {
    await tx.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
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
