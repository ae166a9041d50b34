import sharp from 'sharp';
import type { Db } from '../../db/open.ts';
import { channels, media, organisations, postMedia, posts, postTargets } from '../../db/schema/index.ts';

// Rows as the engine and the composer leave them, written directly: the feed only reads them.

export async function createFeedChannel(
  db: Db,
  orgId: string,
  options: { network?: string; status?: string; settings?: Record<string, unknown> } = {},
) {
  const settings = options.settings ?? {
    title: 'Jugendtreff Nord',
    siteUrl: `https://jugendtreff-${Math.random().toString(36).slice(2, 8)}.example.org`,
    description: 'Neues aus dem Jugendtreff',
    language: 'de',
  };
  const [row] = await db
    .insert(channels)
    .values({
      orgId,
      network: options.network ?? 'feed',
      name: String(settings.title ?? 'Kanal'),
      settings,
      status: options.status ?? 'connected',
    })
    .returning();
  return row!;
}

/** A real JPEG, as the upload pipeline stores it after re-encoding. */
export async function createImage(db: Db, orgId: string, color = { r: 200, g: 80, b: 40 }) {
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
  const [row] = await db
    .insert(media)
    .values({ orgId, mime: 'image/jpeg', width: 64, height: 48, size: bytes.length, bytes })
    .returning({ id: media.id, size: media.size });
  return { ...row!, bytes };
}

export type ItemOptions = {
  text: string;
  /** This channel's variant of the text. */
  targetText?: string | null;
  state?: string;
  publishedAt?: Date;
  visibility?: string;
  language?: string | null;
  images?: { mediaId: string; alt: string }[];
  takedownRequestedAt?: Date;
};

/** A post with one target on the channel, published unless told otherwise. */
export async function createItem(db: Db, channel: { id: string; orgId: string }, options: ItemOptions) {
  const state = options.state ?? 'published';
  const [post] = await db
    .insert(posts)
    .values({ orgId: channel.orgId, text: options.text, language: options.language ?? null })
    .returning();
  for (const [position, image] of (options.images ?? []).entries()) {
    await db.insert(postMedia).values({ postId: post!.id, position, orgId: channel.orgId, ...image });
  }
  const publishedAt = state === 'published' || state === 'taken_down' ? (options.publishedAt ?? new Date()) : null;
  const [target] = await db
    .insert(postTargets)
    .values({
      orgId: channel.orgId,
      postId: post!.id,
      channelId: channel.id,
      text: options.targetText ?? null,
      state,
      visibility: options.visibility ?? 'public',
      publishedAt,
      dueAt: state === 'scheduled' ? new Date(Date.now() + 86_400_000) : publishedAt,
      takedownRequestedAt: options.takedownRequestedAt ?? null,
      takenDownAt: state === 'taken_down' ? new Date() : null,
    })
    .returning();
  return { post: post!, target: target! };
}

/** A second organisation, as another institution on the same nahbar would have. */
export async function createOrganisation(db: Db, name: string, timeZone = 'Europe/Berlin') {
  const [row] = await db.insert(organisations).values({ name, timeZone }).returning();
  return row!;
}
