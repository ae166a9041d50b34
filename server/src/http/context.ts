import { can, type Language, type Permission, type Role } from '@nahbar/common';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, safeEqual } from '../crypto/tokens.ts';
import type { Db } from '../db/open.ts';
import { apiTokens, memberships, sessions, users } from '../db/schema/index.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'nahbar_session';
export const SESSION_DAYS = 14;
const TOUCH_AFTER_MS = 5 * 60_000;

export type AuthUser = typeof users.$inferSelect;
export type Auth =
  | { kind: 'session'; user: AuthUser; sessionHash: string; csrfToken: string }
  | { kind: 'token'; user: AuthUser; tokenId: string };

/** Who acts, from where: services stamp audit entries from this. */
export type Actor = { userId: string | null; ip: string | null };

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
    language: Language;
  }
}

export function negotiateLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.lang === 'de' || entry.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang as Language | undefined;
}

async function resolveAuth(db: Db, request: FastifyRequest, now: Date): Promise<Auth | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated');
    const rows = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, hashToken(match[1])),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      );
    const row = rows[0];
    if (!row) throw new AppError('unauthenticated');
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
    return { kind: 'token', user: row.user, tokenId: row.token.id };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const idHash = hashToken(cookie);
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  const row = rows[0];
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    // Sliding expiry, written at most every few minutes.
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.idHash, idHash));
  }
  return { kind: 'session', user: row.user, sessionHash: idHash, csrfToken: row.session.csrfToken };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: a cookie session must echo its token in x-csrf-token. Requests without a session
 * (sign-in, setup, reset) must not come from another site: Sec-Fetch-Site / Origin checked,
 * and JSON bodies already force a CORS preflight that we never grant.
 */
function checkCsrf(request: FastifyRequest, auth: Auth | null, publicOrigin: string): void {
  if (!UNSAFE.has(request.method) || auth?.kind === 'token') return;
  if (auth?.kind === 'session') {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, auth.csrfToken)) throw new AppError('csrf_failed');
    return;
  }
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError('csrf_failed');
  const origin = request.headers.origin;
  if (origin && origin !== 'null' && !sameOrigin(origin, request.headers.host, publicOrigin)) {
    throw new AppError('csrf_failed');
  }
}

/**
 * Our own pages send PUBLIC_URL as Origin. Behind a reverse proxy that does not pass the Host
 * header on, Host is the upstream address, so PUBLIC_URL is the reliable comparison; the Host
 * header covers direct access under another name (http://localhost:3000 during set-up).
 */
function sameOrigin(origin: string, host: string | undefined, publicOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === publicOrigin) return true;
  if (!host) return false;
  try {
    return new URL(`${parsed.protocol}//${host}`).host === parsed.host;
  } catch {
    return false;
  }
}

export function authHook(db: Db, clock: () => Date, publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.auth = null;
    request.language = negotiateLanguage(request.headers['accept-language']) ?? 'de';
    if (!request.url.startsWith('/api/')) return;
    const auth = await resolveAuth(db, request, clock());
    request.auth = auth;
    if (auth) request.language = auth.user.language as Language;
    checkCsrf(request, auth, publicOrigin);
  };
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.auth?.user.id ?? null, ip: request.ip ?? null };
}

export function requireUser(request: FastifyRequest): Auth {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth;
}

/** Account-level actions (tokens, password, 2FA) need a browser session, not a token. */
export function requireSession(request: FastifyRequest): Extract<Auth, { kind: 'session' }> {
  const auth = requireUser(request);
  if (auth.kind !== 'session') throw new AppError('session_required');
  return auth;
}

/**
 * The caller's roles in an organisation, checked against a permission. Non-members get 404,
 * not 403: a foreign organisation's ids reveal nothing, not even that they exist.
 */
export async function requireOrgPermission(
  db: Db,
  request: FastifyRequest,
  orgId: string,
  permission: Permission,
): Promise<{ auth: Auth; roles: Role[] }> {
  const auth = requireUser(request);
  const rows = await db
    .select({ roles: memberships.roles })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, auth.user.id)));
  const roles = rows[0]?.roles as Role[] | undefined;
  if (!roles) throw new AppError('not_found');
  if (!can(roles, permission)) throw new AppError('forbidden');
  return { auth, roles };
}
