import { type InboxClass, partLimit, replyNeedsApproval, splitThread } from '@nahbar/common';
import { and, eq, sql } from 'drizzle-orm';
import { type AnyChannelError, isChannelError, type PublishInput } from '../../channels/contract.ts';
import type { DbOrTx } from '../../db/open.ts';
import { inboxItems, inboxReplies, organisations, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, type ErrorCode } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { adapterFor, type ChannelRow, contextFor } from '../channels/access.ts';
import { markNeedsReconnect } from '../channels/reconnect.ts';
import { channelRow } from '../channels/service.ts';
import { submitReplyForApproval } from './reply-approval.ts';
import { getInboxSettings } from './settings.ts';
import { templateExists } from './templates.ts';
import { refOf, replyView } from './thread.ts';
import { type ItemRow, loadItemRow } from './view.ts';

// Answering from the inbox: the row is written first (state "sending"), so a crash or a
// network failure leaves a trace; its id is the idempotency key the adapter derives from.

export type OrgActor = Actor & { orgId: string };
export type ReplyRow = typeof inboxReplies.$inferSelect;

const ERROR_CODES: Record<AnyChannelError['kind'], ErrorCode> = {
  transient: 'inbox_reply_unreachable',
  rejected: 'inbox_reply_rejected',
  auth: 'inbox_channel_needs_reconnect',
};

export async function authorName(deps: Deps, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await deps.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function sendReply(
  deps: Deps,
  actor: OrgActor,
  itemId: string,
  body: { text: string; templateId?: string | undefined },
) {
  const item = await loadItemRow(deps.db, actor.orgId, itemId);
  const channel = await channelRow(deps.db, actor.orgId, item.channelId);
  if (channel.status === 'disconnected') throw new AppError('channel_disconnected');
  const adapter = adapterFor(deps, channel.network);
  const caps = adapter.capabilities(channel.settings);
  if (!adapter.reply || !caps.inbox) throw new AppError('inbox_not_supported');
  if (body.templateId && !(await templateExists(deps, actor.orgId, body.templateId))) {
    throw new AppError('validation_failed', [{ field: 'templateId', code: 'not_found' }]);
  }
  const settings = await getInboxSettings(deps.db, actor.orgId);
  if (replyNeedsApproval(settings.replyApproval, item.classes as InboxClass[])) {
    return submitReplyForApproval(deps, actor, item, channel, body, settings.replyApproverRoles);
  }

  const reply = await insertReply(deps.db, actor, item.id, body, 'sending', deps.clock());
  const sent = await deliverReply(deps, actor, item, channel, reply);
  return replyView(sent, await authorName(deps, actor.userId), { decidedByName: null, canDecide: false });
}

/** The reply row, written before anything goes to the network (its id is the idempotency key). */
export async function insertReply(
  db: DbOrTx,
  actor: OrgActor,
  itemId: string,
  body: { text: string; templateId?: string | undefined },
  state: 'sending' | 'pending_approval',
  now: Date,
): Promise<ReplyRow> {
  const [row] = await db
    .insert(inboxReplies)
    .values({
      orgId: actor.orgId,
      itemId,
      authorId: actor.userId,
      templateId: body.templateId ?? null,
      text: body.text,
      state,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Sends a stored reply (state "sending") through the adapter, threaded under the item, and
 * records the outcome. A network failure leaves the reply "failed" and answers with the
 * network's reason.
 */
export async function deliverReply(deps: Deps, actor: OrgActor, item: ItemRow, channel: ChannelRow, reply: ReplyRow) {
  const adapter = adapterFor(deps, channel.network);
  const caps = adapter.capabilities(channel.settings);
  if (!adapter.reply) throw new AppError('inbox_not_supported');
  const [org] = await deps.db
    .select({ language: organisations.language })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  const input: PublishInput = {
    idempotencyKey: reply.id,
    parts: caps.threads ? splitThread(reply.text, partLimit(caps, null), caps.counting) : [reply.text.trim()],
    media: [],
    language: org?.language ?? null,
    contentWarning: null,
    // A direct message is answered privately; adapters map it to the network's direct mode.
    visibility: item.kind === 'message' ? 'private' : 'public',
    createdAt: reply.createdAt,
  };
  try {
    const published = await adapter.reply(refOf(item), input, contextFor(deps, channel, AbortSignal.timeout(30_000)));
    return await recordSent(deps, actor, item.id, reply, published);
  } catch (error) {
    const failure = isChannelError(error)
      ? error
      : { kind: 'internal' as const, message: (error as Error).message, networkMessage: null };
    await recordFailed(deps, actor, channel, reply, failure);
    if (!isChannelError(error)) throw error;
    throw new AppError(ERROR_CODES[error.kind], {
      replyId: reply.id,
      networkMessage: error.networkMessage ?? error.message,
    });
  }
}

/** The first answer sets answeredAt and the response time; later answers keep them. */
async function recordSent(
  deps: Deps,
  actor: OrgActor,
  itemId: string,
  reply: ReplyRow,
  published: { remoteId: string; url: string | null },
) {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(inboxReplies)
      .set({ state: 'sent', remoteId: published.remoteId, url: published.url, error: null, sentAt: now })
      .where(eq(inboxReplies.id, reply.id))
      .returning();
    await tx
      .update(inboxItems)
      .set({
        status: 'answered',
        answeredAt: sql`coalesce(${inboxItems.answeredAt}, ${now})`,
        responseMs: sql`coalesce(${inboxItems.responseMs}, greatest(0, (extract(epoch from (${now}::timestamptz - ${inboxItems.receivedAt})) * 1000)::bigint))`,
      })
      .where(and(eq(inboxItems.id, itemId), eq(inboxItems.orgId, actor.orgId)));
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'inbox.replied',
      targetType: 'inbox_item',
      targetId: itemId,
      details: { itemId, replyId: reply.id, templateId: reply.templateId, remoteUrl: published.url },
    });
    if (!row) throw new Error('reply row vanished');
    return row;
  });
}

/** The item stays as it was; a refused credential marks the channel for re-connecting. */
async function recordFailed(
  deps: Deps,
  actor: OrgActor,
  channel: ChannelRow,
  reply: ReplyRow,
  error: { kind: string; message: string; networkMessage: string | null },
) {
  const text = error.networkMessage ?? error.message;
  await deps.db.transaction(async (tx) => {
    await tx.update(inboxReplies).set({ state: 'failed', error: text }).where(eq(inboxReplies.id, reply.id));
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'inbox.reply_failed',
      targetType: 'inbox_item',
      targetId: reply.itemId,
      details: { itemId: reply.itemId, replyId: reply.id, kind: error.kind, networkMessage: text },
    });
  });
  if (error.kind === 'auth') await markNeedsReconnect(deps, channel, text);
}
