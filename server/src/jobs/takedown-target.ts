import { and, eq } from 'drizzle-orm';
import { AuthError, isChannelError, TransientError } from '../channels/contract.ts';
import type { DbOrTx } from '../db/open.ts';
import { channels, postTargets, takedownTasks } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { adapterFor, contextFor } from '../modules/channels/access.ts';

/**
 * Delete a published target at its network and record it. Transient errors throw, so the queue
 * retries with backoff; a refused credential is recorded on the target and the channel.
 */
export async function takedownTarget(deps: Deps, targetId: string): Promise<void> {
  const [row] = await deps.db
    .select({ target: postTargets, channel: channels })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(eq(postTargets.id, targetId));
  if (!row) return;
  // A withdrawal can catch a target mid-publish: retried (queue backoff) until it has settled.
  if (row.target.state === 'publishing') throw new Error('target still publishing; takedown retried');
  const now = () => deps.clock();
  if (row.target.state !== 'published' || !row.target.remoteId) {
    // Already taken down, or it never went out: nothing left at the network.
    await settleTasks(deps.db, targetId, { state: 'done', doneAt: now(), error: null });
    return;
  }
  const { target, channel } = row;
  try {
    if (channel.status === 'disconnected') throw new AuthError('channel disconnected', 'channel disconnected');
    await adapterFor(deps, channel.network).remove(
      { remoteId: target.remoteId!, url: target.remoteUrl, parts: target.remoteParts ?? [target.remoteId!] },
      contextFor(deps, channel, AbortSignal.timeout(60_000)),
    );
  } catch (error) {
    // A network's rate limit (Mastodon allows 30 deletions per account in 30 minutes) is a
    // wait, not a failure: the takedown comes back when the network says, however often.
    if (error instanceof TransientError && error.retryAfterMs !== null) {
      await deps.jobs.sendTakedown(targetId, new Date(now().getTime() + error.retryAfterMs));
      return;
    }
    if (!isChannelError(error) || error.kind === 'transient') throw error;
    await deps.db.transaction(async (tx) => {
      await tx
        .update(postTargets)
        .set({
          errorKind: error.kind,
          errorMessage: `takedown failed: ${error.message}`,
          errorNetworkMessage: error.networkMessage,
          errorAt: now(),
        })
        .where(eq(postTargets.id, target.id));
      await settleTasks(tx, target.id, { state: 'failed', doneAt: null, error: error.networkMessage ?? error.message });
      if (error.kind === 'auth' && channel.status !== 'disconnected') {
        await tx
          .update(channels)
          .set({ status: 'needs_reconnect', statusMessage: error.networkMessage, statusAt: now() })
          .where(eq(channels.id, channel.id));
      }
      await recordAudit(
        tx,
        { userId: null, ip: null },
        {
          orgId: target.orgId,
          action: 'post.takedown_failed',
          targetType: 'post_target',
          targetId: target.id,
          details: { channelId: channel.id, kind: error.kind, networkMessage: error.networkMessage },
        },
      );
    });
    return;
  }
  await deps.db.transaction(async (tx) => {
    const [done] = await tx
      .update(postTargets)
      .set({
        state: 'taken_down',
        takenDownAt: now(),
        errorKind: null,
        errorMessage: null,
        errorNetworkMessage: null,
        errorAt: null,
        updatedAt: now(),
      })
      .where(and(eq(postTargets.id, target.id), eq(postTargets.state, 'published')))
      .returning({ id: postTargets.id });
    await settleTasks(tx, target.id, { state: 'done', doneAt: now(), error: null });
    if (!done) return;
    await recordAudit(
      tx,
      { userId: null, ip: null },
      {
        orgId: target.orgId,
        action: 'post.taken_down',
        targetType: 'post_target',
        targetId: target.id,
        details: {
          postId: target.postId,
          channelId: channel.id,
          network: channel.network,
          remoteUrl: target.remoteUrl,
        },
      },
    );
  });
}

/** The withdrawal's automatic takedown tasks of this target follow the job's outcome. */
async function settleTasks(
  db: DbOrTx,
  targetId: string,
  outcome: { state: 'done' | 'failed'; doneAt: Date | null; error: string | null },
): Promise<void> {
  await db
    .update(takedownTasks)
    .set(outcome)
    .where(
      and(
        eq(takedownTasks.targetId, targetId),
        eq(takedownTasks.kind, 'automatic'),
        eq(takedownTasks.state, 'pending'),
      ),
    );
}
