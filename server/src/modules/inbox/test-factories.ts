import type { Db } from '../../db/open.ts';
import { channels, inboxItems, posts, postTargets } from '../../db/schema/index.ts';

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
