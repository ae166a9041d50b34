import type { InboxThread } from '@nahbar/common';
import { and, eq, isNull } from 'drizzle-orm';
import { type AnyChannelError, isChannelError } from '../../channels/contract.ts';
import { inboxItems } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, type ErrorCode } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { adapterFor, contextFor } from '../channels/access.ts';
import { markNeedsReconnect } from '../channels/reconnect.ts';
import { channelRow } from '../channels/service.ts';
import { capture } from './evidence.ts';
import { isUnderOurPost, loadThread, type ReplyViewer, refOf } from './thread.ts';
import { loadItemRow } from './view.ts';

// "Hide, don't delete": evidence is committed first, whatever happens at the network after.
// Nothing here ever deletes an item or its evidence.

type OrgActor = Actor & ReplyViewer & { orgId: string };

const ERROR_CODES: Record<AnyChannelError['kind'], ErrorCode> = {
  transient: 'inbox_hide_unreachable',
  rejected: 'inbox_hide_rejected',
  auth: 'inbox_channel_needs_reconnect',
};

export async function moderate(
  deps: Deps,
  actor: OrgActor,
  itemId: string,
  body: { action: 'hide' | 'capture'; reason: string },
): Promise<InboxThread> {
  const item = await loadItemRow(deps.db, actor.orgId, itemId);
  const channel = await channelRow(deps.db, actor.orgId, item.channelId);
  const evidence = await capture(deps, actor, item, body.action, body.reason);
  if (body.action === 'capture' || item.hiddenAt) return loadThread(deps, actor.orgId, item.id, actor);

  const adapter = adapterFor(deps, channel.network);
  const kept = { evidenceId: evidence.id };
  if (!adapter.hide || !adapter.capabilities(channel.settings).hideReplies) {
    throw new AppError('inbox_hide_unsupported', kept);
  }
  if (!(await isUnderOurPost(deps.db, item))) throw new AppError('inbox_hide_not_ours', kept);
  if (channel.status === 'disconnected') throw new AppError('channel_disconnected', kept);

  try {
    await adapter.hide(refOf(item), contextFor(deps, channel, AbortSignal.timeout(30_000)));
  } catch (error) {
    if (!isChannelError(error)) throw error;
    const networkMessage = error.networkMessage ?? error.message;
    if (error.kind === 'auth') await markNeedsReconnect(deps, channel, networkMessage);
    throw new AppError(ERROR_CODES[error.kind], { ...kept, networkMessage });
  }

  await deps.db.transaction(async (tx) => {
    const [hidden] = await tx
      .update(inboxItems)
      .set({ hiddenAt: deps.clock(), hiddenBy: actor.userId })
      .where(and(eq(inboxItems.id, item.id), isNull(inboxItems.hiddenAt)))
      .returning({ id: inboxItems.id });
    if (!hidden) return;
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'inbox.hidden',
      targetType: 'inbox_item',
      targetId: item.id,
      details: { itemId: item.id, evidenceId: evidence.id, reason: body.reason, remoteUrl: item.url },
    });
  });
  return loadThread(deps, actor.orgId, item.id, actor);
}
