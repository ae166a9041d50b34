import type { InboxClass, InboxStatus, inboxPageSchema } from '@nahbar/common';
import { and, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/open.ts';
import { inboxItems } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { itemViews } from './view.ts';

export type InboxFilter = {
  status?: InboxStatus | undefined;
  assignedToMe?: boolean | undefined;
  overdue?: boolean | undefined;
  channelId?: string | undefined;
  class?: InboxClass | undefined;
  after?: string | undefined;
  limit: number;
};

/** Where the previous page ended. received_at travels as PostgreSQL text: microseconds survive. */
type Position = { priority: number; receivedAt: string; id: string };

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function encode(p: Position): string {
  return Buffer.from(JSON.stringify([p.priority, p.receivedAt, p.id])).toString('base64url');
}

function decode(value: string): Position {
  try {
    const [priority, receivedAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString()) as unknown[];
    if (
      typeof priority === 'number' &&
      Number.isInteger(priority) &&
      typeof receivedAt === 'string' &&
      PG_TIMESTAMP.test(receivedAt) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { priority, receivedAt, id };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('validation_failed', [{ field: 'after', code: 'invalid', message: 'after' }]);
}

/** Conditions of a filter, always inside one organisation. */
export function filterConditions(orgId: string, userId: string, filter: InboxFilter, now: Date): SQL[] {
  const where: SQL[] = [eq(inboxItems.orgId, orgId)];
  if (filter.status) where.push(eq(inboxItems.status, filter.status));
  if (filter.assignedToMe) where.push(eq(inboxItems.assigneeId, userId));
  if (filter.channelId) where.push(eq(inboxItems.channelId, filter.channelId));
  if (filter.class) where.push(eq(inboxItems.primaryClass, filter.class));
  if (filter.overdue) where.push(eq(inboxItems.status, 'open'), lt(inboxItems.dueAt, now));
  return where;
}

/**
 * One page, crisis first, then newest. Keyset paging on (priority, received_at, id) — the
 * order of every list index — so page 500 costs what page 1 costs.
 */
export async function listInbox(
  db: DbOrTx,
  orgId: string,
  userId: string,
  filter: InboxFilter,
  now: Date,
): Promise<z.infer<typeof inboxPageSchema>> {
  const where = filterConditions(orgId, userId, filter, now);
  if (filter.after) {
    const p = decode(filter.after);
    where.push(
      sql`(${inboxItems.priority}, ${inboxItems.receivedAt}, ${inboxItems.id}) < (${p.priority}, ${p.receivedAt}::timestamptz, ${p.id}::uuid)`,
    );
  }
  const rows = await db
    .select({ item: inboxItems, at: sql<string>`${inboxItems.receivedAt}::text` })
    .from(inboxItems)
    .where(and(...where))
    // NULLS LAST as in the indexes (drizzle writes them so); plain DESC would mean NULLS FIRST
    // and PostgreSQL would sort the whole organisation instead of reading an index in order.
    .orderBy(
      sql`${inboxItems.priority} desc nulls last`,
      sql`${inboxItems.receivedAt} desc nulls last`,
      sql`${inboxItems.id} desc nulls last`,
    )
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const next =
    rows.length > filter.limit && last
      ? encode({ priority: last.item.priority, receivedAt: last.at, id: last.item.id })
      : null;
  return {
    items: await itemViews(
      db,
      orgId,
      page.map((r) => r.item),
      now,
    ),
    next,
  };
}

/** The navigation badge: open, overdue, open and mine, open crises. */
export async function inboxCounts(db: DbOrTx, orgId: string, userId: string, now: Date) {
  const result = await db.execute<{ open: number; overdue: number; mine: number; crisis: number }>(sql`
    select
      (select count(*)::int from ${inboxItems} where org_id = ${orgId} and status = 'open') as open,
      (select count(*)::int from ${inboxItems} where org_id = ${orgId} and status = 'open' and due_at < ${now}) as overdue,
      (select count(*)::int from ${inboxItems}
        where org_id = ${orgId} and assignee_id = ${userId} and status = 'open') as mine,
      (select count(*)::int from ${inboxItems}
        where org_id = ${orgId} and primary_class = 'crisis' and status = 'open') as crisis`);
  const row = result.rows[0];
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, mine: row?.mine ?? 0, crisis: row?.crisis ?? 0 };
}
