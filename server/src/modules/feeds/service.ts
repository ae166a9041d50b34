import { and, asc, count, desc, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import { type FeedSettings, parseFeedSettings } from '../../channels/feed/settings.ts';
import type { Db } from '../../db/open.ts';
import { channels, media, organisations, postMedia, posts, postTargets } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';

export const FEED_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FeedChannel = { id: string; orgId: string; settings: FeedSettings; timeZone: string; createdAt: Date };
export type FeedImage = { mediaId: string; mime: string; size: number; width: number; height: number; alt: string };
export type FeedItem = {
  targetId: string;
  text: string;
  language: string | null;
  publishedAt: Date;
  images: FeedImage[];
};

/** A malformed id can name nothing: 404 like an unknown one, never a database error. */
export function requireUuid(id: string): string {
  if (!UUID.test(id)) throw new AppError('not_found');
  return id;
}

/** Only live feed channels are public; a disconnected one is gone for readers too. */
export async function loadFeedChannel(db: Db, channelId: string): Promise<FeedChannel> {
  const [row] = await db
    .select({ channel: channels, timeZone: organisations.timeZone })
    .from(channels)
    .innerJoin(organisations, eq(organisations.id, channels.orgId))
    .where(and(eq(channels.id, requireUuid(channelId)), eq(channels.network, 'feed')));
  const settings = row && row.channel.status !== 'disconnected' ? parseFeedSettings(row.channel.settings) : null;
  if (!row || !settings) throw new AppError('not_found');
  const { id, orgId, createdAt } = row.channel;
  return { id, orgId, settings, timeZone: row.timeZone, createdAt };
}

/**
 * What the public may see of a channel: published, not waiting for a takedown (consent
 * withdrawn hides it at once, before the takedown job has run), and in the channel's own org.
 */
function visible(channel: FeedChannel, visibilities: string[]) {
  return and(
    eq(postTargets.channelId, channel.id),
    eq(postTargets.orgId, channel.orgId),
    eq(postTargets.state, 'published'),
    isNotNull(postTargets.publishedAt),
    isNull(postTargets.takedownRequestedAt),
    inArray(postTargets.visibility, visibilities),
  );
}
// Unlisted items have a page and images but stay out of the list; private ones stay hidden.
const LISTED = ['public'];
const REACHABLE = ['public', 'unlisted'];

/** Changes whenever the list or the channel's settings change: the feeds' ETag source. */
export async function feedVersion(db: Db, channel: FeedChannel): Promise<string> {
  const [row] = await db
    .select({ n: count(), newest: max(postTargets.publishedAt), touched: max(postTargets.updatedAt) })
    .from(postTargets)
    .where(visible(channel, LISTED));
  return JSON.stringify([row?.n, row?.newest?.toISOString(), row?.touched?.toISOString(), channel.settings]);
}

async function itemsWhere(db: Db, channel: FeedChannel, where: ReturnType<typeof visible>, limit: number) {
  const rows = await db
    .select({
      targetId: postTargets.id,
      postId: posts.id,
      text: sql<string>`coalesce(${postTargets.text}, ${posts.text})`,
      language: posts.language,
      publishedAt: postTargets.publishedAt,
    })
    .from(postTargets)
    .innerJoin(posts, and(eq(posts.id, postTargets.postId), eq(posts.orgId, channel.orgId)))
    .where(where)
    .orderBy(desc(postTargets.publishedAt), desc(postTargets.id))
    .limit(limit);
  const images = await imagesOf(
    db,
    channel,
    rows.map((r) => r.postId),
  );
  return rows.map(({ postId, publishedAt, ...item }) => ({
    ...item,
    publishedAt: publishedAt ?? channel.createdAt,
    images: images.get(postId) ?? [],
  }));
}

async function imagesOf(db: Db, channel: FeedChannel, postIds: string[]): Promise<Map<string, FeedImage[]>> {
  const byPost = new Map<string, FeedImage[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db
    .select({
      postId: postMedia.postId,
      mediaId: media.id,
      mime: media.mime,
      size: media.size,
      width: media.width,
      height: media.height,
      alt: postMedia.alt,
    })
    .from(postMedia)
    .innerJoin(media, and(eq(media.id, postMedia.mediaId), eq(media.orgId, channel.orgId)))
    .where(and(inArray(postMedia.postId, postIds), eq(postMedia.orgId, channel.orgId)))
    .orderBy(asc(postMedia.postId), asc(postMedia.position));
  for (const { postId, ...image } of rows) byPost.set(postId, [...(byPost.get(postId) ?? []), image]);
  return byPost;
}

export function listFeedItems(db: Db, channel: FeedChannel): Promise<FeedItem[]> {
  return itemsWhere(db, channel, visible(channel, LISTED), FEED_SIZE);
}

export async function findFeedItem(db: Db, channel: FeedChannel, targetId: string): Promise<FeedItem> {
  const where = and(visible(channel, REACHABLE), eq(postTargets.id, requireUuid(targetId)));
  const [item] = await itemsWhere(db, channel, where, 1);
  if (!item) throw new AppError('not_found');
  return item;
}

/** An image's bytes, only while it belongs to an item this channel shows. */
export async function findFeedMedia(db: Db, channel: FeedChannel, mediaId: string) {
  const [row] = await db
    .select({ mime: media.mime, bytes: media.bytes })
    .from(media)
    .innerJoin(postMedia, and(eq(postMedia.mediaId, media.id), eq(postMedia.orgId, channel.orgId)))
    .innerJoin(postTargets, eq(postTargets.postId, postMedia.postId))
    .where(and(eq(media.id, requireUuid(mediaId)), eq(media.orgId, channel.orgId), visible(channel, REACHABLE)))
    .limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}
