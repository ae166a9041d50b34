import type { Language, Session } from '@nahbar/common';
import { eq } from 'drizzle-orm';
import { hashToken, newToken } from '../../crypto/tokens.ts';
import type { DbOrTx } from '../../db/open.ts';
import { sessions, users } from '../../db/schema/index.ts';
import { type AuthUser, SESSION_DAYS } from '../../http/context.ts';
import { listMyOrganisations } from '../orgs/mine.ts';

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

export async function createSession(
  db: DbOrTx,
  userId: string,
  meta: { ip: string | null; userAgent: string | null; now: Date },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(meta.now.getTime() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: meta.now,
    lastSeenAt: meta.now,
  });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: DbOrTx, sessionHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sessionHash));
}

export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export function publicUser(user: AuthUser): Session['user'] {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: user.language as Language,
    totpEnabled: user.totpEnabledAt !== null,
    instanceAdmin: user.instanceAdmin,
    lastOrgId: user.lastOrgId,
  };
}

export async function sessionView(db: DbOrTx, user: AuthUser, csrfToken: string): Promise<Session> {
  return { user: publicUser(user), organisations: await listMyOrganisations(db, user.id), csrfToken };
}

export async function userById(db: DbOrTx, userId: string): Promise<AuthUser> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`user ${userId} vanished`);
  return user;
}
