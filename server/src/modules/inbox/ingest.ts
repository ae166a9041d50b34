import { classify, responseDueAt } from '@nahbar/common';
import { and, eq, sql } from 'drizzle-orm';
import type { InboxEntry } from '../../channels/contract.ts';
import type { Tx } from '../../db/open.ts';
import { channels, inboxCursors, inboxItems, organisations, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { adapterFor, type ChannelRow, contextFor } from '../channels/access.ts';
import { recordFetchError } from './fetch-errors.ts';
import { getInboxSettings } from './settings.ts';

/** Pages per run: a channel with a backlog catches up over a few runs instead of one long one. */
const MAX_PAGES = 20;
const CALL_TIMEOUT_MS = 60_000;
/** Rows per INSERT: ~20 parameters each stays far below PostgreSQL's 65 535. */
const INSERT_CHUNK = 1_000;

export type IngestResult = { fetched: number };

/** Channels whose inbox we read: the adapter has one and the credentials are (still) good. */
export function readsInbox(deps: Pick<Deps, 'registry'>, channel: ChannelRow): boolean {
  if (channel.status !== 'connected' && channel.status !== 'failing') return false;
  const adapter = deps.registry[channel.network as keyof Deps['registry']];
  return Boolean(adapter?.fetchInbox && adapter.capabilities(channel.settings).inbox);
}

/**
 * Fetch a channel's new comments, mentions and messages. Each page's items and the cursor after
 * them commit in one transaction: a failure part-way keeps everything before it and fetches
 * the rest next time, never skipping or doubling an item.
 */
export async function ingestChannel(deps: Deps, channelId: string): Promise<IngestResult> {
  const [found] = await deps.db
    .select({ channel: channels, timeZone: organisations.timeZone, cursor: inboxCursors.cursor })
    .from(channels)
    .innerJoin(organisations, eq(organisations.id, channels.orgId))
    .leftJoin(inboxCursors, eq(inboxCursors.channelId, channels.id))
    .where(eq(channels.id, channelId));
  if (!found || !readsInbox(deps, found.channel)) return { fetched: 0 };
  const { channel, timeZone } = found;
  const adapter = adapterFor(deps, channel.network);
  const settings = await getInboxSettings(deps.db, channel.orgId);
  const pollMinutes = channel.inboxPollMinutes ?? settings.pollMinutes;
  let cursor = found.cursor ?? null;
  let fetched = 0;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const ctx = contextFor(deps, channel, AbortSignal.timeout(CALL_TIMEOUT_MS));
      const result = await adapter.fetchInbox!(cursor, ctx);
      const saved = await deps.db.transaction(async (tx) => {
        const inserted = await insertEntries(tx, channel, result.entries, { settings, timeZone });
        const moved = await moveCursor(tx, deps, channel, cursor, result.cursor, pollMinutes);
        return { inserted, moved };
      });
      fetched += saved.inserted;
      // Another run got further meanwhile (fetch now during a poll): it owns the cursor now.
      if (!saved.moved || result.entries.length === 0 || result.cursor === cursor) break;
      cursor = result.cursor;
    }
  } catch (error) {
    await recordFetchError(deps, channel, error, pollMinutes);
  }
  return { fetched };
}

type IngestSettings = {
  settings: Awaited<ReturnType<typeof getInboxSettings>>;
  timeZone: string;
};

async function insertEntries(tx: Tx, channel: ChannelRow, entries: InboxEntry[], opts: IngestSettings) {
  // Our own answers come back in notifications and threads; they are not something to answer.
  const theirs = entries.filter((entry) => entry.author.id !== channel.accountId);
  if (theirs.length === 0) return 0;
  const links = await linkTargets(tx, channel.id, theirs);
  const targets = {
    workdayMinutes: opts.settings.workdayTargetMinutes,
    weekendMinutes: opts.settings.weekendTargetMinutes,
  };
  const rows = theirs.map((entry) => {
    const result = classify(entry.text, { extraTerms: opts.settings.extraTerms });
    return {
      orgId: channel.orgId,
      channelId: channel.id,
      remoteId: entry.remoteId,
      kind: entry.kind,
      url: entry.url,
      text: entry.text,
      authorId: entry.author.id,
      authorHandle: entry.author.handle,
      authorName: entry.author.displayName,
      authorUrl: entry.author.url,
      receivedAt: entry.createdAt,
      postTargetId: links.get(entry.parentRemoteId ?? '') ?? links.get(entry.rootRemoteId ?? '') ?? null,
      rootRemoteId: entry.rootRemoteId,
      parentRemoteId: entry.parentRemoteId,
      conversationId: entry.conversationId,
      classes: [...result.classes],
      primaryClass: result.primary ?? null,
      priority: result.priority,
      signals: [...result.signals],
      dueAt: responseDueAt(entry.createdAt, targets, opts.timeZone),
      raw: entry.raw,
    };
  });
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const done = await tx
      .insert(inboxItems)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoNothing({ target: [inboxItems.channelId, inboxItems.remoteId] })
      .returning({ id: inboxItems.id });
    inserted += done.length;
  }
  return inserted;
}

/** remote id (any part of a published thread of ours) → post target, via the GIN index. */
async function linkTargets(tx: Tx, channelId: string, entries: InboxEntry[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(entries.flatMap((e) => [e.rootRemoteId, e.parentRemoteId]).filter((id): id is string => !!id)),
  ];
  const links = new Map<string, string>();
  if (ids.length === 0) return links;
  const rows = await tx
    .select({ id: postTargets.id, parts: postTargets.remoteParts })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.channelId, channelId),
        sql`${postTargets.remoteParts} ?| ${sql.param(ids)}::text[]`,
        eq(postTargets.state, 'published'),
      ),
    );
  for (const row of rows) {
    for (const part of (row.parts as string[] | null) ?? []) links.set(part, row.id);
  }
  return links;
}

/** Compare-and-set: only the run that read this cursor may move it. */
async function moveCursor(
  tx: Tx,
  deps: Deps,
  channel: ChannelRow,
  from: string | null,
  to: string | null,
  pollMinutes: number,
): Promise<boolean> {
  const now = deps.clock();
  const values = {
    cursor: to ?? from,
    lastFetchedAt: now,
    nextFetchAt: new Date(now.getTime() + pollMinutes * 60_000),
    lastError: null,
  };
  const rows = await tx
    .insert(inboxCursors)
    .values({ channelId: channel.id, orgId: channel.orgId, ...values })
    .onConflictDoUpdate({
      target: inboxCursors.channelId,
      set: values,
      where: sql`${inboxCursors.cursor} is not distinct from ${from}`,
    })
    .returning({ channelId: inboxCursors.channelId });
  return rows.length > 0;
}
