import {
  type InboxClass,
  type InboxReply,
  type InboxThread,
  type Role,
  replyNeedsApproval,
  replyRefusal,
} from '@nahbar/common';
import { and, asc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { InboxRef, ModerationLinks } from '../../channels/contract.ts';
import type { DbOrTx } from '../../db/open.ts';
import { inboxEvidence, inboxItems, inboxReplies, postTargets, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { adapterFor, type ChannelRow, contextFor } from '../channels/access.ts';
import { channelRow } from '../channels/service.ts';
import { getInboxSettings } from './settings.ts';
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

export function replyView(
  row: ReplyRow,
  authorName: string | null,
  extra: { decidedByName: string | null; canDecide: boolean },
): InboxReply {
  return {
    id: row.id,
    itemId: row.itemId,
    text: row.text,
    authorName,
    state: row.state as InboxReply['state'],
    url: row.url,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    decision:
      row.decidedAt && row.approved !== null
        ? {
            approved: row.approved,
            byName: extra.decidedByName,
            at: row.decidedAt.toISOString(),
            comment: row.decisionComment,
          }
        : null,
    canDecide: extra.canDecide,
  };
}

/** Our replies to one item, oldest first, as the viewer sees them (may they decide?). */
export async function replyViews(
  db: DbOrTx,
  orgId: string,
  where: SQL,
  viewer: ReplyViewer,
  approverRoles: readonly Role[],
): Promise<InboxReply[]> {
  const author = alias(users, 'reply_author');
  const decider = alias(users, 'reply_decider');
  const rows = await db
    .select({ reply: inboxReplies, name: author.name, deciderName: decider.name })
    .from(inboxReplies)
    .leftJoin(author, eq(author.id, inboxReplies.authorId))
    .leftJoin(decider, eq(decider.id, inboxReplies.decidedBy))
    .where(and(eq(inboxReplies.orgId, orgId), where))
    .orderBy(asc(inboxReplies.createdAt), asc(inboxReplies.id));
  return rows.map(({ reply, name, deciderName }) =>
    replyView(reply, name, {
      decidedByName: deciderName,
      canDecide: replyRefusal(reply, viewer, approverRoles) === null,
    }),
  );
}

export type ReplyViewer = { userId: string | null; roles: readonly Role[] };

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

export async function loadThread(deps: Deps, orgId: string, itemId: string, viewer: ReplyViewer): Promise<InboxThread> {
  const item = await loadItemRow(deps.db, orgId, itemId);
  const channel = await channelRow(deps.db, orgId, item.channelId);
  const now = deps.clock();
  const settings = await getInboxSettings(deps.db, orgId);
  const [others, replies, evidence, underOurPost] = await Promise.all([
    conversationRows(deps.db, item),
    replyViews(deps.db, orgId, eq(inboxReplies.itemId, item.id), viewer, settings.replyApproverRoles),
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
    replies,
    replyApproval: {
      required: replyNeedsApproval(settings.replyApproval, item.classes as InboxClass[]),
      roles: settings.replyApproverRoles,
    },
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
