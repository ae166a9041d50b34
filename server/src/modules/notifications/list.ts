import type { NotificationList, notificationListQuerySchema } from '@nahbar/common';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { memberships, notifications, organisations } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';

type ListQuery = z.infer<typeof notificationListQuerySchema>;

// The cursor is the last item's (created_at, id): stable while new notifications arrive on top.
function encodeCursor(item: { createdAt: Date; id: string }): string {
  return Buffer.from(`${item.createdAt.toISOString()}|${item.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('validation_failed');
  return { createdAt, id };
}

/** Only organisations the person still belongs to: who left one no longer reads its news. */
const mine = (userId: string) =>
  and(
    eq(notifications.userId, userId),
    sql`exists (select 1 from ${memberships} m where m.org_id = ${notifications.orgId} and m.user_id = ${userId})`,
  );

/** Newest first, one page, with the unread count across all pages. */
export async function listNotifications(
  deps: Pick<Deps, 'db'>,
  userId: string,
  query: ListQuery,
): Promise<NotificationList> {
  const where: (SQL | undefined)[] = [mine(userId)];
  if (query.unread === 'true') where.push(isNull(notifications.readAt));
  if (query.unread === 'false') where.push(sql`${notifications.readAt} is not null`);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    where.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({ notification: notifications, organisationName: organisations.name })
      .from(notifications)
      .innerJoin(organisations, eq(organisations.id, notifications.orgId))
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit + 1),
    deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(mine(userId), isNull(notifications.readAt))),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1)?.notification;
  return {
    items: page.map(({ notification: n, organisationName }) => ({
      id: n.id,
      orgId: n.orgId,
      organisationName,
      type: n.type,
      params: n.params,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    unreadCount: count?.n ?? 0,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
