import { and, eq, sql } from 'drizzle-orm';
import { isChannelError } from '../channels/contract.ts';
import type { Db } from '../db/open.ts';
import { approvalPolicies, channels, postMedia, postPeople, posts, postTargets } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/errors.ts';
import { assertApprovedOrNotNeeded } from '../modules/approvals/assert-approval.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { adapterFor, contextFor } from '../modules/channels/access.ts';
import { gateForTarget, loadPostGateFacts } from '../modules/consent/gate-context.ts';
import { auditReasons, gateSummary } from '../modules/consent/gate-summary.ts';
import { deliverNotified } from '../modules/notifications/notify.ts';
import { notifyTargetFailed } from '../modules/notifications/publish-failed.ts';
import { MAX_ATTEMPTS, markFailed, markPublished } from './outcome.ts';
import { publishInput } from './publish-input.ts';

/** Posts more than this late (after downtime) wait for a person instead of firing at night. */
export const LATE_LIMIT_MS = 6 * 3_600_000;
const CALL_TIMEOUT_MS = 60_000;
const EARLY_TOLERANCE_MS = 1_000;

type ApprovalMissing = { policy: { id: string; name: string }; matched: string[] };

type Claim =
  | { kind: 'skip' }
  | { kind: 'later'; at: Date }
  | {
      kind: 'go';
      target: typeof postTargets.$inferSelect;
      channel: typeof channels.$inferSelect;
      post: typeof posts.$inferSelect;
      hasMedia: boolean;
    };

/**
 * Everything the claim decides on, in one round trip. A named prepared statement: Postgres
 * parses and plans this join once per connection instead of thousands of times a minute.
 */
function prepareClaimRead(db: Db) {
  return db
    .select({
      target: postTargets,
      channel: channels,
      post: posts,
      hasMedia: sql<boolean>`exists (select 1 from ${postMedia} where ${postMedia.postId} = ${posts.id})`,
      namesPeople: sql<boolean>`exists (select 1 from ${postPeople} where ${postPeople.postId} = ${posts.id})`,
      policies: sql<boolean>`exists (select 1 from ${approvalPolicies} where ${approvalPolicies.orgId} = ${posts.orgId})`,
    })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(eq(postTargets.id, sql.placeholder('targetId')))
    .prepare('engine_claim_read');
}
const claimReads = new WeakMap<Db, ReturnType<typeof prepareClaimRead>>();
function claimRead(db: Db) {
  let read = claimReads.get(db);
  if (!read) {
    read = prepareClaimRead(db);
    claimReads.set(db, read);
  }
  return read;
}

/**
 * Step 1: check the target is still due and allowed, then mark it publishing with this
 * attempt's number and lease in one conditional UPDATE — only one claimer can win it, and
 * nothing leaves nahbar before it commits. Two round trips, no transaction held open.
 */
async function claim(deps: Deps, targetId: string): Promise<Claim> {
  const now = deps.clock();
  const [row] = await claimRead(deps.db).execute({ targetId });
  // Gone, or no longer waiting (cancelled, published, drafted, claimed by another worker).
  const dueAt = row?.target.dueAt;
  if (!row || row.target.state !== 'scheduled' || !dueAt) return { kind: 'skip' };
  const { target, channel } = row;
  const notBefore = new Date(Math.max(dueAt.getTime(), target.retryAt?.getTime() ?? 0));
  if (notBefore.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return { kind: 'later', at: notBefore };
  const unchanged = and(
    eq(postTargets.id, target.id),
    eq(postTargets.state, 'scheduled'),
    eq(postTargets.attempts, target.attempts),
  );

  // A target that fails here fails for good: its author and the team are told (held ones wait for
  // them anyway; a consent hold is told too, since only a person can resolve it).
  const stop = async (
    kind: 'late' | 'auth' | 'consent' | 'approval',
    state: 'held' | 'failed',
    message: string,
    action: string,
    // The audit entry's own account of why (ids only), when the message carries names.
    why: Record<string, unknown> = { reason: message },
  ) => {
    const notified = await deps.db.transaction(async (tx) => {
      const [stopped] = await tx
        .update(postTargets)
        .set({ state, errorKind: kind, errorMessage: message, errorNetworkMessage: null, errorAt: now, updatedAt: now })
        .where(unchanged)
        .returning({ id: postTargets.id });
      if (!stopped) return undefined;
      await recordAudit(
        tx,
        { userId: null, ip: null },
        {
          orgId: target.orgId,
          action,
          targetType: 'post_target',
          targetId: target.id,
          details: { dueAt: dueAt.toISOString(), channelId: channel.id, ...why },
        },
      );
      if (state !== 'failed' && kind === 'late') return undefined;
      return notifyTargetFailed(deps, tx, {
        orgId: target.orgId,
        postId: target.postId,
        channelName: channel.name,
        kind,
        reason: message,
      });
    });
    if (notified) await deliverNotified(deps, notified);
    return { kind: 'skip' } as const;
  };
  if (now.getTime() - notBefore.getTime() > LATE_LIMIT_MS) {
    return stop('late', 'held', 'more than 6 hours late: held for a decision', 'post.held_late');
  }
  // The consent gate once more, now: a consent that ended overnight stops the post this morning.
  if (row.hasMedia || row.namesPeople) {
    const gate = gateForTarget(await loadPostGateFacts(deps.db, target.orgId, target.postId), channel, now);
    if (!gate.allowed) {
      return stop('consent', 'held', gateSummary(gate.reasons), 'post.held_consent', {
        reasons: auditReasons(gate.reasons),
      });
    }
  }
  // And the approval: a person tagged, a policy added or changed since scheduling can make the
  // post need a sign-off it does not have. Held until someone submits it.
  if (row.policies) {
    const missing = await assertApprovedOrNotNeeded(deps.db, target.orgId, target.postId, now).then(
      () => null,
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'approval_required') return error.details as ApprovalMissing;
        throw error;
      },
    );
    if (missing) {
      return stop('approval', 'held', `approval required: ${missing.policy.name}`, 'post.held_approval', {
        policyId: missing.policy.id,
        matched: missing.matched,
      });
    }
  }
  if (channel.status === 'disconnected' || channel.status === 'needs_reconnect') {
    const reason = channel.status === 'disconnected' ? 'channel disconnected' : 'channel needs to be connected again';
    return stop('auth', 'failed', reason, 'post.publish_failed');
  }
  // Stay below the network's documented write limit for this account.
  const limit = adapterFor(deps, channel.network).capabilities(channel.settings).rateLimit;
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
  const used = sql`(select count(*) from ${postTargets} u where u.channel_id = ${channel.id} and u.last_attempt_at > ${windowStart})`;
  const [claimed] = await deps.db
    .update(postTargets)
    .set({
      state: 'publishing',
      attempts: target.attempts + 1,
      leaseUntil: new Date(now.getTime() + deps.config.publishing.leaseMs),
      lastAttemptAt: now,
      updatedAt: now,
    })
    .where(and(unchanged, sql`${used} < ${limit.max}`))
    .returning();
  if (claimed) return { kind: 'go', target: claimed, channel, post: row.post, hasMedia: row.hasMedia };
  const [still] = await deps.db.select({ id: postTargets.id }).from(postTargets).where(unchanged);
  // Still waiting, so the budget was used up: try again in a tenth of the window (max 30 s).
  if (still) return { kind: 'later', at: new Date(now.getTime() + Math.min(limit.windowSeconds * 100, 30_000)) };
  return { kind: 'skip' };
}

/** The publish job: claim, call the network with the target id as idempotency key, record. */
export async function publishTarget(deps: Deps, targetId: string): Promise<void> {
  const claimed = await claim(deps, targetId);
  if (claimed.kind === 'later') return deps.jobs.sendPublish(targetId, claimed.at);
  if (claimed.kind === 'skip') return;
  const { target, channel, post, hasMedia } = claimed;
  const adapter = adapterFor(deps, channel.network);
  try {
    const input = await publishInput(deps, target, post, adapter.capabilities(channel.settings), hasMedia);
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
    const input = await publishInput(deps, target, post, adapter.capabilities(channel.settings));
    return await adapter.find(
      input,
      contextFor(deps, channel, AbortSignal.timeout(30_000)),
      target.lastAttemptAt ?? target.createdAt,
    );
  } catch {
    return null;
  }
}
