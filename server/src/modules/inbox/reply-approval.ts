import {
  type PendingReplies,
  type ReplyDecisionInput,
  type Role,
  replyDecisionInputSchema,
  replyRefusal,
} from '@nahbar/common';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/open.ts';
import { channels, inboxItems, inboxReplies, posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { ChannelRow } from '../channels/access.ts';
import { channelRow } from '../channels/service.ts';
import { deliverNotified, notify } from '../notifications/notify.ts';
import { excerpt } from '../notifications/publish-failed.ts';
import { orgMembersWithRoles } from '../notifications/recipients.ts';
import { authorName, deliverReply, insertReply, type OrgActor, type ReplyRow } from './reply.ts';
import { getInboxSettings } from './settings.ts';
import { type ReplyViewer, replyViews } from './thread.ts';
import { type ItemRow, loadItemRow } from './view.ts';

// Answers that wait for an approval (inbox settings "sensitive" or "always"): stored as
// "pending_approval", the approving roles are asked, and the first approver's decision sends
// the answer through the same code path as an answer without approval — or returns it to its
// author with the reason. The author never decides their own answer.

type Decider = OrgActor & ReplyViewer;

/** Stores the answer unsent and asks the approvers (not its author). */
export async function submitReplyForApproval(
  deps: Deps,
  actor: OrgActor,
  item: ItemRow,
  channel: ChannelRow,
  body: { text: string; templateId?: string | undefined },
  approverRoles: Role[],
) {
  const author = await authorName(deps, actor.userId);
  const { row, notified } = await deps.db.transaction(async (tx) => {
    const row = await insertReply(tx, actor, item.id, body, 'pending_approval', deps.clock());
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'inbox.reply_submitted',
      targetType: 'inbox_item',
      targetId: item.id,
      details: { itemId: item.id, replyId: row.id, templateId: row.templateId },
    });
    const approvers = (await orgMembersWithRoles(tx, actor.orgId, approverRoles)).filter((id) => id !== actor.userId);
    const notified = await notify(
      deps,
      {
        orgId: actor.orgId,
        userIds: approvers,
        type: 'reply_review_requested',
        params: { author: author ?? '', comment: excerpt(item.text), channel: channel.name },
        link: '/freigaben',
      },
      tx,
    );
    return { row, notified };
  });
  await deliverNotified(deps, notified);
  return (
    await replyViews(deps.db, actor.orgId, eq(inboxReplies.id, row.id), { userId: actor.userId, roles: [] }, [])
  )[0]!;
}

async function loadReply(db: DbOrTx, orgId: string, replyId: string): Promise<ReplyRow> {
  const [row] = await db
    .select()
    .from(inboxReplies)
    .where(and(eq(inboxReplies.orgId, orgId), eq(inboxReplies.id, replyId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** Approve (and send) or reject a waiting answer. The first decision wins; a second finds it decided. */
export async function decideReply(deps: Deps, actor: Decider, replyId: string, raw: ReplyDecisionInput) {
  const input = replyDecisionInputSchema.parse(raw);
  const reply = await loadReply(deps.db, actor.orgId, replyId);
  const settings = await getInboxSettings(deps.db, actor.orgId);
  const refusal = replyRefusal(reply, actor, settings.replyApproverRoles);
  if (refusal === 'not_pending') throw new AppError('review_not_open');
  if (refusal) throw new AppError('review_refused', { refusal });
  if (input.decision === 'reject' && !input.comment) {
    throw new AppError('validation_failed', [{ field: 'comment', code: 'required' }]);
  }
  const item = await loadItemRow(deps.db, actor.orgId, reply.itemId);
  const now = deps.clock();
  const approved = input.decision === 'approve';
  const reviewer = (await authorName(deps, actor.userId)) ?? '';

  const outcome = await deps.db.transaction(async (tx) => {
    const [decided] = await tx
      .update(inboxReplies)
      .set({
        state: approved ? 'sending' : 'rejected',
        decidedBy: actor.userId,
        decidedAt: now,
        approved,
        decisionComment: input.comment,
      })
      .where(and(eq(inboxReplies.id, reply.id), eq(inboxReplies.state, 'pending_approval')))
      .returning();
    if (!decided) return null;
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: approved ? 'inbox.reply_approved' : 'inbox.reply_rejected',
      targetType: 'inbox_item',
      targetId: item.id,
      details: { itemId: item.id, replyId: reply.id, comment: input.comment },
    });
    const notified =
      approved || !reply.authorId
        ? null
        : await notify(
            deps,
            {
              orgId: actor.orgId,
              userIds: [reply.authorId],
              type: 'rejected',
              params: { reviewer, post: excerpt(reply.text), comment: input.comment ?? '' },
              link: `/posteingang/${item.id}`,
            },
            tx,
          );
    return { decided, notified };
  });
  // Another approver was quicker.
  if (!outcome) throw new AppError('review_not_open');
  if (outcome.notified) await deliverNotified(deps, outcome.notified);
  if (approved) {
    const channel = await channelRow(deps.db, actor.orgId, item.channelId);
    await deliverReply(deps, actor, item, channel, outcome.decided);
  }
  return (
    await replyViews(deps.db, actor.orgId, eq(inboxReplies.id, reply.id), actor, settings.replyApproverRoles)
  )[0]!;
}

/** What waits for this person's approval, oldest first: all they need to decide without the inbox. */
export async function pendingReplies(deps: Deps, viewer: Decider): Promise<PendingReplies> {
  const settings = await getInboxSettings(deps.db, viewer.orgId);
  if (!viewer.roles.some((r) => (settings.replyApproverRoles as readonly Role[]).includes(r))) return { items: [] };
  const replies = await replyViews(
    deps.db,
    viewer.orgId,
    and(eq(inboxReplies.state, 'pending_approval'), awaitingOthers(viewer))!,
    viewer,
    settings.replyApproverRoles,
  );
  if (replies.length === 0) return { items: [] };
  const items = await deps.db
    .select({ item: inboxItems, channelName: channels.name, network: channels.network, postText: posts.text })
    .from(inboxItems)
    .innerJoin(channels, eq(channels.id, inboxItems.channelId))
    .leftJoin(postTargets, eq(postTargets.id, inboxItems.postTargetId))
    .leftJoin(posts, eq(posts.id, postTargets.postId))
    .where(
      and(
        eq(inboxItems.orgId, viewer.orgId),
        sql`${inboxItems.id} in (select ${inboxReplies.itemId} from ${inboxReplies} where ${inboxReplies.state} = 'pending_approval' and ${inboxReplies.orgId} = ${viewer.orgId})`,
      ),
    )
    .orderBy(asc(inboxItems.receivedAt));
  const byId = new Map(items.map((i) => [i.item.id, i]));
  return {
    items: replies.flatMap((reply) => {
      const found = byId.get(reply.itemId);
      if (!found) return [];
      const { item } = found;
      return [
        {
          reply,
          item: {
            id: item.id,
            channelName: found.channelName,
            network: found.network as PendingReplies['items'][number]['item']['network'],
            kind: item.kind as 'reply' | 'mention' | 'message',
            text: item.text,
            authorHandle: item.authorHandle,
            classes: item.classes as PendingReplies['items'][number]['item']['classes'],
            url: item.url,
            postText: found.postText,
          },
        },
      ];
    }),
  };
}

/** Four-eyes in SQL: answers by others (or by an account since removed). */
const awaitingOthers = (viewer: ReplyViewer) =>
  viewer.userId ? sql`(${inboxReplies.authorId} is null or ${ne(inboxReplies.authorId, viewer.userId)})` : sql`true`;

/** The navigation's count of answers waiting for this person. */
export async function countRepliesAwaiting(db: Db, orgId: string, viewer: ReplyViewer): Promise<number> {
  const settings = await getInboxSettings(db, orgId);
  if (!viewer.roles.some((r) => (settings.replyApproverRoles as readonly Role[]).includes(r))) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboxReplies)
    .where(and(eq(inboxReplies.orgId, orgId), eq(inboxReplies.state, 'pending_approval'), awaitingOthers(viewer)));
  return row?.n ?? 0;
}
