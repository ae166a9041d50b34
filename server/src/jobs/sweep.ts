import { and, eq, lt, sql } from 'drizzle-orm';
import { isChannelError } from '../channels/contract.ts';
import { channels, posts, postTargets } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { adapterFor, contextFor } from '../modules/channels/access.ts';
import { markPublished } from './outcome.ts';
import { publishInput } from './publish-input.ts';

const BATCH = 200;
/** A scheduled target this long past its time without having run has lost its job. */
const LOST_AFTER_MS = 30_000;

/**
 * Crash safety, at start and every minute:
 * 1. targets stuck in "publishing" past their lease (the worker died mid-call): ask the network
 *    whether the post exists — record it, or put the target back in line (same idempotency key);
 * 2. scheduled targets whose time has passed without a job (lost enqueue): enqueue again.
 * Late targets are held by the publish job itself, so nothing fires at night after downtime.
 */
export async function sweep(deps: Deps): Promise<{ reconciled: number; requeued: number; reenqueued: number }> {
  const result = { reconciled: 0, requeued: 0, reenqueued: 0 };
  const now = deps.clock();
  const stuck = await deps.db
    .select({ target: postTargets, channel: channels, post: posts })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(and(eq(postTargets.state, 'publishing'), lt(postTargets.leaseUntil, now)))
    .limit(BATCH);
  for (const { target, channel, post } of stuck) {
    const adapter = adapterFor(deps, channel.network);
    try {
      const input = await publishInput(deps, target, post, adapter.capabilities(channel.settings));
      const since = target.lastAttemptAt ?? target.createdAt;
      const found = await adapter.find(input, contextFor(deps, channel, AbortSignal.timeout(30_000)), since);
      if (found) {
        if (await markPublished(deps, target, channel, found, 'reconciled')) result.reconciled += 1;
        continue;
      }
    } catch (error) {
      // The network cannot tell us now: leave it for the next sweep rather than risk a double.
      if (isChannelError(error) && error.kind === 'transient') {
        await deps.db
          .update(postTargets)
          .set({ leaseUntil: new Date(now.getTime() + 60_000) })
          .where(eq(postTargets.id, target.id));
        continue;
      }
      deps.log.warn(
        { targetId: target.id, err: error instanceof Error ? error.message : String(error) },
        'reconcile lookup failed',
      );
    }
    // Not at the network: back in line now, with the same idempotency key.
    const [row] = await deps.db
      .update(postTargets)
      .set({ state: 'scheduled', leaseUntil: null, retryAt: now, updatedAt: now })
      .where(
        and(
          eq(postTargets.id, target.id),
          eq(postTargets.state, 'publishing'),
          eq(postTargets.attempts, target.attempts),
        ),
      )
      .returning({ id: postTargets.id });
    if (row) {
      await deps.jobs.sendPublish(row.id, now);
      result.requeued += 1;
    }
  }

  // Re-sending is harmless: the queue keeps one waiting job per target (upsert by target id).
  const cutoff = new Date(now.getTime() - LOST_AFTER_MS);
  const lost = await deps.db
    .select({ id: postTargets.id })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.state, 'scheduled'),
        lt(postTargets.dueAt, cutoff),
        sql`coalesce(${postTargets.retryAt}, ${postTargets.dueAt}) < ${cutoff}`,
      ),
    )
    .limit(BATCH * 5);
  for (const target of lost) {
    await deps.jobs.sendPublish(target.id, now);
    result.reenqueued += 1;
  }
  return result;
}
