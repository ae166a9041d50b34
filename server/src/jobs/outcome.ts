import { and, eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { AnyChannelError, Published } from '../channels/contract.ts';
import { channels, postTargets } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { auditInsert, recordAudit } from '../modules/audit/service.ts';
import type { ChannelRow } from '../modules/channels/access.ts';
import { notifyReconnect } from '../modules/channels/reconnect.ts';
import { deliverNotified, type Notified } from '../modules/notifications/notify.ts';
import { notifyTargetFailed } from '../modules/notifications/publish-failed.ts';

type TargetRow = typeof postTargets.$inferSelect;
const ENGINE = { userId: null, ip: null };
const dialect = new PgDialect();

/** Transient failures are retried this often in all, then the target fails with the reason. */
export const MAX_ATTEMPTS = 6;
const BACKOFF_MAX_MS = 30 * 60_000;

/** 30 s, 1, 2, 4, 8 min (+ up to 20 % jitter), or later when the network said so. */
export function backoffMs(attempt: number, retryAfterMs: number | null, baseMs = 30_000): number {
  const exponential = Math.min(BACKOFF_MAX_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = Math.random() * 0.2 * exponential;
  return Math.max(retryAfterMs ?? 0, exponential + jitter);
}

/** Only the attempt that owns the target may settle it: the sweep may have taken over. */
const owned = (target: TargetRow) =>
  and(eq(postTargets.id, target.id), eq(postTargets.state, 'publishing'), eq(postTargets.attempts, target.attempts));

/**
 * Record a publish: target, channel freshness and audit entry in ONE statement (a single round
 * trip; every statement is a socket write, and the engine does thousands per minute).
 */
export async function markPublished(
  deps: Deps,
  target: TargetRow,
  channel: ChannelRow,
  published: Published,
  how: 'adapter' | 'reconciled',
) {
  const now = deps.clock();
  const details = {
    postId: target.postId,
    channelId: channel.id,
    network: channel.network,
    remoteUrl: published.url,
    attempt: target.attempts,
    how,
  };
  const statement = sql`
    with done as (
      update ${postTargets}
      set state = 'published', remote_id = ${published.remoteId}, remote_url = ${published.url},
          remote_parts = ${JSON.stringify(published.parts)}::jsonb, published_at = ${now}, lease_until = null,
          retry_at = null, error_kind = null, error_message = null, error_network_message = null,
          error_at = null, updated_at = ${now}
      where id = ${target.id} and state = 'publishing' and attempts = ${target.attempts}
      returning id
    ), fresh as (
      -- A success heals "failing"; "needs_reconnect" is only cleared by a re-connect.
      update ${channels}
      set last_published_at = ${now},
          status = case when status = 'failing' then 'connected' else status end
      where id = ${channel.id} and exists (select 1 from done)
    ), audit as (
      ${auditInsert(ENGINE, { orgId: target.orgId, action: 'post.published', targetType: 'post_target', targetId: target.id, details }, sql`from done`)}
    )
    select count(*)::int as n from done`;
  // Named, so each connection plans this statement once (its text never varies, only the values).
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const result = await deps.db.$client.query<{ n: number }>({ name: 'engine_mark_published', text, values: params });
  return (result.rows[0]?.n ?? 0) > 0;
}

/** Back to "scheduled" with a backoff, or failed once attempts are used up. */
export async function markFailed(
  deps: Deps,
  target: TargetRow,
  channel: ChannelRow,
  error: AnyChannelError | { kind: 'internal'; message: string; networkMessage: null; retryAfterMs?: null },
) {
  const now = deps.clock();
  const retry = (error.kind === 'transient' || error.kind === 'internal') && target.attempts < MAX_ATTEMPTS;
  const retryAt = retry
    ? new Date(
        now.getTime() +
          backoffMs(
            target.attempts,
            'retryAfterMs' in error ? (error.retryAfterMs ?? null) : null,
            deps.config.publishing.retryBaseMs,
          ),
      )
    : null;
  const needsReconnect = error.kind === 'auth' && channel.status !== 'needs_reconnect';
  let notified: Notified | undefined;
  const settled = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(postTargets)
      .set({
        state: retry ? 'scheduled' : 'failed',
        retryAt,
        leaseUntil: null,
        errorKind: error.kind,
        errorMessage: error.message,
        errorNetworkMessage: error.networkMessage,
        errorAt: now,
        updatedAt: now,
      })
      .where(owned(target))
      .returning({ id: postTargets.id });
    if (!row) return false;
    if (error.kind === 'auth') {
      await tx
        .update(channels)
        .set({ status: 'needs_reconnect', statusMessage: error.networkMessage ?? error.message, statusAt: now })
        .where(eq(channels.id, channel.id));
    } else if (!retry && error.kind !== 'rejected') {
      await tx
        .update(channels)
        .set({ status: 'failing', statusMessage: error.networkMessage ?? error.message, statusAt: now })
        .where(and(eq(channels.id, channel.id), eq(channels.status, 'connected')));
    }
    if (!retry) {
      await recordAudit(tx, ENGINE, {
        orgId: target.orgId,
        action: 'post.publish_failed',
        targetType: 'post_target',
        targetId: target.id,
        details: {
          postId: target.postId,
          channelId: channel.id,
          kind: error.kind,
          networkMessage: error.networkMessage,
          attempts: target.attempts,
        },
      });
      notified = await notifyTargetFailed(deps, tx, {
        orgId: target.orgId,
        postId: target.postId,
        channelName: channel.name,
        kind: error.kind,
        reason: error.networkMessage ?? error.message,
      });
    }
    return true;
  });
  if (settled && retryAt) await deps.jobs.sendPublish(target.id, retryAt);
  if (settled && notified) await deliverNotified(deps, notified);
  if (settled && needsReconnect) await notifyReconnect(deps, channel, error.networkMessage ?? error.message);
}
