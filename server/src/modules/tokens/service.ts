import type { ApiToken, CreatedApiToken } from '@nahbar/common';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { hashToken, newToken } from '../../crypto/tokens.ts';
import { apiTokens } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditForUser } from '../audit/for-user.ts';

// Recognisable prefix so secret scanners can find leaked tokens.
export const TOKEN_PREFIX = 'nahbar_';

function publicToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export async function listTokens(deps: Deps, userId: string): Promise<ApiToken[]> {
  const rows = await deps.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(publicToken);
}

export async function createToken(
  deps: Deps,
  actor: Actor & { userId: string },
  input: { name: string; expiresInDays?: number | undefined },
): Promise<CreatedApiToken> {
  const token = newToken(TOKEN_PREFIX);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        name: input.name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      })
      .returning();
    if (!row) throw new Error('token insert returned nothing');
    await recordAuditForUser(tx, actor, actor.userId, {
      action: 'token.created',
      targetType: 'api_token',
      targetId: row.id,
      details: { name: row.name, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return { ...publicToken(row), token };
  });
}

export async function revokeToken(deps: Deps, actor: Actor & { userId: string }, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAuditForUser(tx, actor, actor.userId, {
      action: 'token.revoked',
      targetType: 'api_token',
      targetId: id,
      details: { name: row.name },
    });
  });
}
