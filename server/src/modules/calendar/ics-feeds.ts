import type { CalendarFeed } from '@nahbar/common';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { hashToken, newToken } from '../../crypto/tokens.ts';
import { calendarFeeds } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';

// Private ICS subscriptions: the address is the secret (calendar apps cannot sign in), so it is
// shown once, stored only as a hash, personal to one member and revocable.

type FeedActor = Actor & { userId: string; orgId: string };
type FeedRow = typeof calendarFeeds.$inferSelect;

function feedView(row: FeedRow): CalendarFeed {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export function icsUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/ics/${token}.ics`;
}

export async function createFeed(
  deps: Deps,
  actor: FeedActor,
  label: string | null | undefined,
): Promise<CalendarFeed & { url: string }> {
  const token = newToken();
  const row = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ orgId: actor.orgId, userId: actor.userId, label: label || null, tokenHash: hashToken(token) })
      .returning();
    if (!row) throw new Error('calendar feed insert returned nothing');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'calendar_feed.created',
      targetType: 'calendar_feed',
      targetId: row.id,
      details: { label: row.label },
    });
    return row;
  });
  return { ...feedView(row), url: icsUrl(deps.config.publicUrl, token) };
}

/** The caller's own live subscriptions in this organisation. */
export async function listFeeds(deps: Deps, actor: FeedActor): Promise<CalendarFeed[]> {
  const rows = await deps.db
    .select()
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.orgId, actor.orgId),
        eq(calendarFeeds.userId, actor.userId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .orderBy(asc(calendarFeeds.createdAt));
  return rows.map(feedView);
}

/** Revoke one of the caller's own; someone else's is "not found". */
export async function revokeFeed(deps: Deps, actor: FeedActor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(calendarFeeds)
      .set({ revokedAt: deps.clock() })
      .where(
        and(
          eq(calendarFeeds.id, id),
          eq(calendarFeeds.orgId, actor.orgId),
          eq(calendarFeeds.userId, actor.userId),
          isNull(calendarFeeds.revokedAt),
        ),
      )
      .returning({ id: calendarFeeds.id });
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'calendar_feed.revoked',
      targetType: 'calendar_feed',
      targetId: id,
    });
  });
}
