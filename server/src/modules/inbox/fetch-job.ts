import { and, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { channels, inboxCursors } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { INBOX_FETCH_QUEUE } from '../../jobs/queue.ts';
import { ingestChannel, readsInbox } from './ingest.ts';

export type InboxFetchJob = { channelId: string };

/**
 * Every minute: a fetch job for each readable channel whose next poll is due (or that was
 * never fetched). The queue keeps one waiting job per channel, so sending again is harmless.
 */
export async function enqueueDueFetches(deps: Deps): Promise<number> {
  const now = deps.clock();
  const due = await deps.db
    .select({ channel: channels })
    .from(channels)
    .leftJoin(inboxCursors, eq(inboxCursors.channelId, channels.id))
    .where(
      and(
        inArray(channels.status, ['connected', 'failing']),
        or(isNull(inboxCursors.nextFetchAt), lte(inboxCursors.nextFetchAt, now)),
      ),
    );
  let sent = 0;
  for (const { channel } of due) {
    if (!readsInbox(deps, channel)) continue;
    await deps.jobs.boss.send(INBOX_FETCH_QUEUE, { channelId: channel.id } satisfies InboxFetchJob, {
      singletonKey: channel.id,
    });
    sent += 1;
  }
  return sent;
}

/** "Fetch now": the organisation's readable channels (or the one asked for), right away. */
export async function fetchNow(deps: Deps, orgId: string, channelId?: string): Promise<{ fetched: number }> {
  const rows = await deps.db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, orgId), channelId ? eq(channels.id, channelId) : undefined));
  if (channelId && rows.length === 0) throw new AppError('not_found');
  const results = await Promise.all(
    rows.filter((channel) => readsInbox(deps, channel)).map((channel) => ingestChannel(deps, channel.id)),
  );
  return { fetched: results.reduce((sum, r) => sum + r.fetched, 0) };
}
