import type { InboxItem } from '@nahbar/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, inboxEvidence, inboxItems, posts, postTargets, users } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';

export type ItemRow = typeof inboxItems.$inferSelect;

type Related = {
  channels: Map<string, { name: string; network: string }>;
  posts: Map<string, { postId: string; text: string; url: string | null }>;
  users: Map<string, string>;
  evidence: Map<string, number>;
};

const none = Promise.resolve([]);

/** What the rows point to, in four small queries run side by side (no joins on the list scan). */
async function related(db: DbOrTx, orgId: string, rows: ItemRow[]): Promise<Related> {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const channelIds = unique(rows.map((r) => r.channelId));
  const targetIds = unique(rows.map((r) => r.postTargetId));
  const userIds = unique(rows.map((r) => r.assigneeId));
  const itemIds = rows.map((r) => r.id);
  const [channelRows, targetRows, userRows, evidenceRows] = await Promise.all([
    channelIds.length
      ? db
          .select({ id: channels.id, name: channels.name, network: channels.network })
          .from(channels)
          .where(and(eq(channels.orgId, orgId), inArray(channels.id, channelIds)))
      : none,
    targetIds.length
      ? db
          .select({
            id: postTargets.id,
            postId: posts.id,
            text: sql<string>`coalesce(${postTargets.text}, ${posts.text})`,
            url: postTargets.remoteUrl,
          })
          .from(postTargets)
          .innerJoin(posts, eq(posts.id, postTargets.postId))
          .where(and(eq(posts.orgId, orgId), inArray(postTargets.id, targetIds)))
      : none,
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : none,
    itemIds.length
      ? db
          .select({ itemId: inboxEvidence.itemId, n: sql<number>`count(*)::int` })
          .from(inboxEvidence)
          .where(and(eq(inboxEvidence.orgId, orgId), inArray(inboxEvidence.itemId, itemIds)))
          .groupBy(inboxEvidence.itemId)
      : none,
  ]);
  return {
    channels: new Map(channelRows.map((c) => [c.id, c])),
    posts: new Map(targetRows.map((t) => [t.id, t])),
    users: new Map(userRows.map((u) => [u.id, u.name])),
    evidence: new Map(evidenceRows.map((e) => [e.itemId, e.n])),
  };
}

export function itemView(row: ItemRow, rel: Related, now: Date): InboxItem {
  const channel = rel.channels.get(row.channelId);
  const post = row.postTargetId ? rel.posts.get(row.postTargetId) : undefined;
  return {
    id: row.id,
    channelId: row.channelId,
    channelName: channel?.name ?? '',
    network: (channel?.network ?? 'mastodon') as InboxItem['network'],
    kind: row.kind as InboxItem['kind'],
    remoteId: row.remoteId,
    url: row.url,
    text: row.text,
    author: { id: row.authorId, handle: row.authorHandle, displayName: row.authorName, url: row.authorUrl },
    receivedAt: row.receivedAt.toISOString(),
    post:
      post && row.postTargetId ? { id: post.postId, targetId: row.postTargetId, text: post.text, url: post.url } : null,
    classes: row.classes as InboxItem['classes'],
    priority: row.priority,
    signals: row.signals as InboxItem['signals'],
    status: row.status as InboxItem['status'],
    assignee: row.assigneeId ? { id: row.assigneeId, name: rel.users.get(row.assigneeId) ?? '' } : null,
    tags: row.tags,
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: isItemOverdue(row, now),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    responseMinutes: row.responseMs === null ? null : Math.round(row.responseMs / 60_000),
    hiddenAt: row.hiddenAt?.toISOString() ?? null,
    evidenceCount: rel.evidence.get(row.id) ?? 0,
  };
}

/** Same rule as the list's overdue filter: open and past its due time. */
export function isItemOverdue(row: Pick<ItemRow, 'status' | 'dueAt'>, now: Date): boolean {
  return row.status === 'open' && row.dueAt !== null && row.dueAt.getTime() < now.getTime();
}

/** Item rows of one organisation → API items, in the rows' order. */
export async function itemViews(db: DbOrTx, orgId: string, rows: ItemRow[], now: Date): Promise<InboxItem[]> {
  const mine = rows.filter((r) => r.orgId === orgId);
  if (mine.length === 0) return [];
  const rel = await related(db, orgId, mine);
  return mine.map((row) => itemView(row, rel, now));
}

/** One item of the organisation, or 404 (also for another organisation's id). */
export async function loadItemRow(db: DbOrTx, orgId: string, id: string): Promise<ItemRow> {
  const [row] = await db
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.orgId, orgId), eq(inboxItems.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function loadItemView(db: DbOrTx, orgId: string, id: string, now: Date): Promise<InboxItem> {
  const row = await loadItemRow(db, orgId, id);
  const [view] = await itemViews(db, orgId, [row], now);
  if (!view) throw new AppError('not_found');
  return view;
}
