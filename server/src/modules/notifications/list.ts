import type { Language, NotificationList, notificationListQuerySchema } from '@nahbar/common';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { memberships, notifications, organisations } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { cursorTime, encodeCursor, olderThan } from '../../http/keyset-cursor.ts';

type ListQuery = z.infer<typeof notificationListQuerySchema>;

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
  language: Language,
): Promise<NotificationList> {
  const where: (SQL | undefined)[] = [mine(userId)];
  if (query.unread === 'true') where.push(isNull(notifications.readAt));
  if (query.unread === 'false') where.push(sql`${notifications.readAt} is not null`);
  if (query.cursor) {
    where.push(olderThan(notifications.createdAt, notifications.id, query.cursor, language));
  }
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({
        notification: notifications,
        organisationName: organisations.name,
        at: cursorTime(notifications.createdAt),
      })
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
  const lastRow = page.at(-1);
  const last = lastRow && { at: lastRow.at, id: lastRow.notification.id };
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
