import { isChannelError } from '../../channels/contract.ts';
import { inboxCursors } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { ChannelRow } from '../channels/access.ts';
import { markNeedsReconnect } from '../channels/reconnect.ts';

/**
 * A failed fetch keeps the cursor where it was. Rejected credentials put the channel on
 * "needs reconnect" (as the publishing engine does) and tell owners and admins; anything else
 * is noted on the cursor and tried again at the next poll (or when the network said).
 */
export async function recordFetchError(deps: Deps, channel: ChannelRow, error: unknown, pollMinutes: number) {
  const now = deps.clock();
  const channelError = isChannelError(error) ? error : null;
  const message = channelError
    ? (channelError.networkMessage ?? channelError.message)
    : error instanceof Error
      ? error.message
      : String(error);
  if (!channelError) deps.log.error({ channelId: channel.id, err: message }, 'inbox fetch failed');
  else deps.log.warn({ channelId: channel.id, kind: channelError.kind, err: message }, 'inbox fetch failed');
  const retryAfterMs = channelError?.kind === 'transient' ? (channelError.retryAfterMs ?? 0) : 0;
  const nextFetchAt = new Date(now.getTime() + Math.max(pollMinutes * 60_000, retryAfterMs));
  const values = { lastError: message.slice(0, 1000), nextFetchAt };
  await deps.db
    .insert(inboxCursors)
    .values({ channelId: channel.id, orgId: channel.orgId, ...values })
    .onConflictDoUpdate({ target: inboxCursors.channelId, set: values });
  if (channelError?.kind === 'auth') await markNeedsReconnect(deps, channel, message);
}
