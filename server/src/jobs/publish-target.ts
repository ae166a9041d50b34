import { and, count, eq, gt } from 'drizzle-orm';
import { isChannelError } from '../channels/contract.ts';
import { channels, posts, postTargets } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { adapterFor, contextFor } from '../modules/channels/access.ts';
import { MAX_ATTEMPTS, markFailed, markPublished } from './outcome.ts';
import { publishInput } from './publish-input.ts';

/** Posts more than this late (after downtime) wait for a person instead of firing at night. */
export const LATE_LIMIT_MS = 6 * 3_600_000;
const CALL_TIMEOUT_MS = 60_000;
const EARLY_TOLERANCE_MS = 1_000;

type Claim =
  | { kind: 'skip' }
  | { kind: 'later'; at: Date }
  | {
      kind: 'go';
      target: typeof postTargets.$inferSelect;
      channel: typeof channels.$inferSelect;
      post: typeof posts.$inferSelect;
    };

/**
 * Step 1, one transaction: lock the target, check it is still due and allowed, mark it
 * publishing with this attempt's number and lease. Nothing leaves nahbar before this commits.
 */
async function claim(deps: Deps, targetId: string): Promise<Claim> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ target: postTargets, channel: channels, post: posts })
      .from(postTargets)
      .innerJoin(channels, eq(channels.id, postTargets.channelId))
      .innerJoin(posts, eq(posts.id, postTargets.postId))
      .where(eq(postTargets.id, targetId))
      .for('update', { of: postTargets, skipLocked: true });
    // Gone, locked by another worker, or no longer waiting (cancelled, published, drafted).
    if (!row || row.target.state !== 'scheduled' || !row.target.dueAt) return { kind: 'skip' };
    const { target, channel } = row;
    const notBefore = new Date(Math.max(target.dueAt!.getTime(), target.retryAt?.getTime() ?? 0));
    if (notBefore.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return { kind: 'later', at: notBefore };

    const stop = (kind: 'late' | 'auth', state: 'held' | 'failed', message: string) =>
      tx
        .update(postTargets)
        .set({ state, errorKind: kind, errorMessage: message, errorNetworkMessage: null, errorAt: now, updatedAt: now })
        .where(eq(postTargets.id, target.id));
    if (now.getTime() - notBefore.getTime() > LATE_LIMIT_MS) {
      await stop('late', 'held', 'more than 6 hours late: held for a decision');
      await recordAudit(
        tx,
        { userId: null, ip: null },
        {
          orgId: target.orgId,
          action: 'post.held_late',
          targetType: 'post_target',
          targetId: target.id,
          details: { dueAt: target.dueAt!.toISOString() },
        },
      );
      return { kind: 'skip' };
    }
    if (channel.status === 'disconnected' || channel.status === 'needs_reconnect') {
      await stop(
        'auth',
        'failed',
        channel.status === 'disconnected' ? 'channel disconnected' : 'channel needs to be connected again',
      );
      return { kind: 'skip' };
    }
    // Stay below the network's documented write limit for this account.
    const limit = adapterFor(deps, channel.network).capabilities(channel.settings).rateLimit;
    const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
    const [used] = await tx
      .select({ n: count() })
      .from(postTargets)
      .where(and(eq(postTargets.channelId, channel.id), gt(postTargets.lastAttemptAt, windowStart)));
    if ((used?.n ?? 0) >= limit.max) {
      return { kind: 'later', at: new Date(now.getTime() + Math.min(limit.windowSeconds * 1000, 5 * 60_000) / 10) };
    }
    const [claimed] = await tx
      .update(postTargets)
      .set({
        state: 'publishing',
        attempts: target.attempts + 1,
        leaseUntil: new Date(now.getTime() + deps.config.publishing.leaseMs),
        lastAttemptAt: now,
        updatedAt: now,
      })
      .where(eq(postTargets.id, target.id))
      .returning();
    return { kind: 'go', target: claimed!, channel, post: row.post };
  });
}

/** The publish job: claim, call the network with the target id as idempotency key, record. */
export async function publishTarget(deps: Deps, targetId: string): Promise<void> {
  const claimed = await claim(deps, targetId);
  if (claimed.kind === 'later') return deps.jobs.sendPublish(targetId, claimed.at);
  if (claimed.kind === 'skip') return;
  const { target, channel, post } = claimed;
  const adapter = adapterFor(deps, channel.network);
  try {
    const input = await publishInput(deps.db, target, post, adapter.capabilities(channel.settings));
    const published = await adapter.publish(input, contextFor(deps, channel, AbortSignal.timeout(CALL_TIMEOUT_MS)));
    await markPublished(deps, target, channel, published, 'adapter');
  } catch (error) {
    if (isChannelError(error)) {
      // Giving up after a lost answer? The post may be there after all: ask before saying "failed".
      if (error.kind === 'transient' && target.attempts >= MAX_ATTEMPTS) {
        const found = await findQuietly(deps, target, channel, post);
        if (found) return void (await markPublished(deps, target, channel, found, 'reconciled'));
      }
      return markFailed(deps, target, channel, error);
    }
    // Our own bug or a timeout outside the adapter's classification: retried like a network hiccup.
    deps.log.error({ err: error, targetId }, 'publish failed unexpectedly');
    const message = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'internal error';
    return markFailed(deps, target, channel, { kind: 'internal', message, networkMessage: null });
  }
}

async function findQuietly(
  deps: Deps,
  target: typeof postTargets.$inferSelect,
  channel: typeof channels.$inferSelect,
  post: typeof posts.$inferSelect,
) {
  const adapter = adapterFor(deps, channel.network);
  try {
    const input = await publishInput(deps.db, target, post, adapter.capabilities(channel.settings));
    return await adapter.find(
      input,
      contextFor(deps, channel, AbortSignal.timeout(30_000)),
      target.lastAttemptAt ?? target.createdAt,
    );
  } catch {
    return null;
  }
}
