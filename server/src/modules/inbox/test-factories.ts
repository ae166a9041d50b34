import type { InboxEntry } from '../../channels/contract.ts';
import type { Db } from '../../db/open.ts';
import { channels, inboxItems, posts, postTargets } from '../../db/schema/index.ts';
import type { TestApp } from '../../test/harness.ts';
import { adapterFor, contextFor } from '../channels/access.ts';
import { channelRow } from '../channels/service.ts';

// Rows as ingest and the engine leave them, written directly: list and paging tests need many.

export async function createChannel(
  db: Db,
  orgId: string,
  options: { network?: string; name?: string; accountId?: string; status?: string } = {},
) {
  const [row] = await db
    .insert(channels)
    .values({
      orgId,
      network: options.network ?? 'mastodon',
      name: options.name ?? 'Jugendhilfe auf Mastodon',
      accountId: options.accountId ?? 'ours-1',
      accountHandle: 'jugendhilfe',
      status: options.status ?? 'connected',
    })
    .returning();
  return row!;
}

/** Our post, published on the channel as a thread of the given remote ids. */
export async function createPublishedPost(db: Db, channel: { id: string; orgId: string }, parts: string[]) {
  const [post] = await db.insert(posts).values({ orgId: channel.orgId, text: 'Sommerfest am Samstag!' }).returning();
  const [target] = await db
    .insert(postTargets)
    .values({
      orgId: channel.orgId,
      postId: post!.id,
      channelId: channel.id,
      state: 'published',
      remoteId: parts[0]!,
      remoteUrl: `https://social.example/@jugendhilfe/${parts[0]}`,
      remoteParts: parts,
      publishedAt: new Date(),
    })
    .returning();
  return { post: post!, target: target! };
}

export type ItemInput = Partial<typeof inboxItems.$inferInsert>;

let serial = 0;
/** Items with sensible defaults; each may override any column. */
export async function insertItems(db: Db, channel: { id: string; orgId: string }, items: ItemInput[]) {
  const rows = items.map((item) => {
    serial += 1;
    return {
      orgId: channel.orgId,
      channelId: channel.id,
      remoteId: `r-${serial}`,
      kind: 'reply',
      text: `Kommentar ${serial}`,
      authorId: `a-${serial}`,
      authorHandle: `person${serial}@social.example`,
      receivedAt: new Date(Date.now() - serial * 1000),
      ...item,
    };
  });
  return db.insert(inboxItems).values(rows).returning();
}

/**
 * The entry the channel's fetchInbox delivers for `remoteId` (a real adapter call, e.g. against
 * the Mastodon contract fake), stored as ingest stores it, with the classes a test wants.
 */
export async function storeFetched(
  t: TestApp,
  orgId: string,
  channelId: string,
  remoteId: string,
  classes: string[] = [],
): Promise<string> {
  const channel = await channelRow(t.db, orgId, channelId);
  const page = await adapterFor(t.deps, channel.network).fetchInbox?.(null, contextFor(t.deps, channel));
  const entry = page?.entries.find((e: InboxEntry) => e.remoteId === remoteId);
  if (!entry) throw new Error(`fetchInbox did not deliver ${remoteId}`);
  const [row] = await t.db
    .insert(inboxItems)
    .values({
      orgId,
      channelId,
      remoteId: entry.remoteId,
      kind: entry.kind,
      text: entry.text,
      authorId: entry.author.id,
      authorHandle: entry.author.handle,
      url: entry.url,
      receivedAt: new Date(entry.createdAt),
      rootRemoteId: entry.rootRemoteId,
      parentRemoteId: entry.parentRemoteId,
      conversationId: entry.conversationId,
      raw: entry.raw,
      classes,
    })
    .returning({ id: inboxItems.id });
  return row!.id;
}
