import { countText, splitThread } from '@nahbar/common';
import { asc, eq } from 'drizzle-orm';
import type { Capabilities, MediaFile, PublishInput } from '../channels/contract.ts';
import type { DbOrTx } from '../db/open.ts';
import { media, postMedia, type posts, type postTargets } from '../db/schema/index.ts';

type TargetRow = typeof postTargets.$inferSelect;
type PostRow = typeof posts.$inferSelect;

/**
 * What the adapter gets: the channel's variant, split the way the composer showed it.
 * `hasMedia: false` skips the media query (one round trip less per publish).
 */
export async function publishInput(
  db: DbOrTx,
  target: TargetRow,
  post: PostRow,
  caps: Capabilities,
  hasMedia = true,
): Promise<PublishInput> {
  const text = target.text ?? post.text;
  const parts = caps.threads ? splitThread(text, partLimit(caps, target.contentWarning), caps.counting) : [text.trim()];
  const files = !hasMedia
    ? []
    : await db
        .select({
          id: media.id,
          mime: media.mime,
          bytes: media.bytes,
          width: media.width,
          height: media.height,
          alt: postMedia.alt,
        })
        .from(postMedia)
        .innerJoin(media, eq(media.id, postMedia.mediaId))
        .where(eq(postMedia.postId, post.id))
        .orderBy(asc(postMedia.position));
  return {
    idempotencyKey: target.id,
    parts,
    // TODO(media store): read from the configured store; rows without a store key carry bytes.
    media: files.map((f) => ({ ...f, bytes: f.bytes ?? Buffer.alloc(0) })) satisfies MediaFile[],
    language: post.language,
    contentWarning: target.contentWarning,
    visibility: target.visibility as PublishInput['visibility'],
    // Stable across retries: adapters derive record keys from it.
    createdAt: target.createdAt,
  };
}

/** Mastodon counts a content warning into every part's limit, so each part leaves room for it. */
export function partLimit(caps: Capabilities, contentWarning: string | null | undefined): number {
  const reserve = caps.contentWarning && contentWarning ? countText(contentWarning, caps.counting) : 0;
  return Math.max(1, caps.maxChars - reserve);
}
