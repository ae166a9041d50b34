import type { InboxThread } from '@nahbar/common';
import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { InboxRef, ModerationLinks } from '../../channels/contract.ts';
import type { DbOrTx } from '../../db/open.ts';
import { inboxEvidence, inboxItems, inboxReplies, postTargets, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { adapterFor, type ChannelRow, contextFor } from '../channels/access.ts';
import { channelRow } from '../channels/service.ts';
import { type ItemRow, itemViews, loadItemRow } from './view.ts';

// The thread view: the item, its conversation at the network, our answers, what moderation
// the network allows, and the evidence kept so far.

type ReplyRow = typeof inboxReplies.$inferSelect;
const NO_LINKS: ModerationLinks = { mute: null, block: null, report: null };

export function refOf(item: ItemRow): InboxRef {
  return {
    remoteId: item.remoteId,
    rootRemoteId: item.rootRemoteId,
    parentRemoteId: item.parentRemoteId,
    conversationId: item.conversationId,
    kind: item.kind as InboxRef['kind'],
    raw: item.raw,
  };
}

export function replyView(row: ReplyRow, authorName: string | null) {
  return {
    id: row.id,
    text: row.text,
    authorName,
    state: row.state as 'sending' | 'sent' | 'failed',
    url: row.url,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Networks let only the thread's author hide replies (Bluesky's threadgate sits on the root),
 * so hiding needs a reply whose root is a post we published on this channel.
 */
export async function isUnderOurPost(db: DbOrTx, item: ItemRow): Promise<boolean> {
  if (item.kind !== 'reply' || !item.rootRemoteId) return false;
  const [row] = await db
    .select({ id: postTargets.id })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.channelId, item.channelId),
        sql`${postTargets.remoteParts} @> ${JSON.stringify([item.rootRemoteId])}::jsonb`,
        eq(postTargets.remoteId, item.rootRemoteId),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Direct messages group by conversation; comments by the thread's first post. */
async function conversationRows(db: DbOrTx, item: ItemRow): Promise<ItemRow[]> {
  const same = item.conversationId
    ? eq(inboxItems.conversationId, item.conversationId)
    : or(
        eq(inboxItems.rootRemoteId, item.rootRemoteId ?? item.remoteId),
        eq(inboxItems.remoteId, item.rootRemoteId ?? item.remoteId),
      );
  return db
    .select()
    .from(inboxItems)
    .where(
      and(eq(inboxItems.orgId, item.orgId), eq(inboxItems.channelId, item.channelId), ne(inboxItems.id, item.id), same),
    )
    .orderBy(asc(inboxItems.receivedAt), asc(inboxItems.id))
    .limit(200);
}

function moderationLinks(deps: Deps, channel: ChannelRow, item: ItemRow): ModerationLinks {
  const adapter = adapterFor(deps, channel.network);
  if (!adapter.moderationLinks) return NO_LINKS;
  return adapter.moderationLinks({ ...refOf(item), authorHandle: item.authorHandle }, contextFor(deps, channel));
}

export async function loadThread(deps: Deps, orgId: string, itemId: string): Promise<InboxThread> {
  const item = await loadItemRow(deps.db, orgId, itemId);
  const channel = await channelRow(deps.db, orgId, item.channelId);
  const now = deps.clock();
  const [others, replies, evidence, underOurPost] = await Promise.all([
    conversationRows(deps.db, item),
    deps.db
      .select({ reply: inboxReplies, name: users.name })
      .from(inboxReplies)
      .leftJoin(users, eq(users.id, inboxReplies.authorId))
      .where(and(eq(inboxReplies.orgId, orgId), eq(inboxReplies.itemId, item.id)))
      .orderBy(asc(inboxReplies.createdAt), asc(inboxReplies.id)),
    deps.db
      .select({ row: inboxEvidence, name: users.name })
      .from(inboxEvidence)
      .leftJoin(users, eq(users.id, inboxEvidence.capturedBy))
      .where(and(eq(inboxEvidence.orgId, orgId), eq(inboxEvidence.itemId, item.id)))
      .orderBy(asc(inboxEvidence.capturedAt), asc(inboxEvidence.id)),
    isUnderOurPost(deps.db, item),
  ]);
  const [view, ...conversation] = await itemViews(deps.db, orgId, [item, ...others], now);
  if (!view) throw new Error('item view missing');
  const capabilities = adapterFor(deps, channel.network).capabilities(channel.settings);
  return {
    item: view,
    conversation,
    replies: replies.map(({ reply, name }) => replyView(reply, name)),
    moderation: {
      canHide: capabilities.hideReplies && underOurPost && channel.status !== 'disconnected',
      links: moderationLinks(deps, channel, item),
    },
    evidence: evidence.map(({ row, name }) => ({
      id: row.id,
      action: row.action,
      capturedAt: row.capturedAt.toISOString(),
      capturedBy: name,
      sha256: row.sha256,
    })),
  };
}
