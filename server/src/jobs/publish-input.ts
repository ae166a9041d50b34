import { partLimit, splitThread } from '@nahbar/common';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Capabilities, type MediaFile, type PublishInput, RejectedError } from '../channels/contract.ts';
import { media, postMedia, type posts, type postTargets } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { MAX_EDGE } from '../modules/media/image-pipeline.ts';
import { NETWORK_VARIANTS } from '../modules/media/image-variants.ts';
import { storedBytes } from '../modules/media/stored-bytes.ts';
import { networkImage } from '../modules/media/variants.ts';

type TargetRow = typeof postTargets.$inferSelect;
type PostRow = typeof posts.$inferSelect;
export type PublishInputDeps = Pick<Deps, 'db' | 'config' | 'media' | 'clock'>;

const captionsMedia = alias(media, 'captions_media');

/**
 * The image size a channel gets, cached as a media variant: Bluesky's 2000 px / 1 MB, or the
 * Mastodon instance's announced byte limit at 3840 px; other channels (the feed) take the
 * original when it is within their byte limit.
 */
export function imageVariantFor(caps: Capabilities): { name: string; limits: { maxEdge: number; maxBytes: number } } {
  const { bluesky, mastodon } = NETWORK_VARIANTS;
  if (caps.counting === 'mastodon') {
    const name = caps.maxImageBytes === mastodon.maxBytes ? 'mastodon' : `mastodon${caps.maxImageBytes}`;
    return { name, limits: { maxEdge: mastodon.maxEdge, maxBytes: caps.maxImageBytes } };
  }
  if (caps.maxImageBytes <= bluesky.maxBytes) return { name: 'bluesky', limits: { ...bluesky } };
  return { name: `fit${caps.maxImageBytes}`, limits: { maxEdge: MAX_EDGE, maxBytes: caps.maxImageBytes } };
}

/**
 * What the adapter gets: the channel's variant, split the way the composer showed it.
 * `hasMedia: false` skips the media query (one round trip less per publish).
 */
export async function publishInput(
  deps: PublishInputDeps,
  target: TargetRow,
  post: PostRow,
  caps: Capabilities,
  hasMedia = true,
): Promise<PublishInput> {
  const text = target.text ?? post.text;
  const parts = caps.threads ? splitThread(text, partLimit(caps, target.contentWarning), caps.counting) : [text.trim()];
  return {
    idempotencyKey: target.id,
    parts,
    media: hasMedia ? await mediaFiles(deps, post, caps) : [],
    language: post.language,
    contentWarning: target.contentWarning,
    visibility: target.visibility as PublishInput['visibility'],
    // Stable across retries: adapters derive record keys from it.
    createdAt: target.createdAt,
  };
}

/** The post's files with their bytes from the store: images sized for the channel, videos as uploaded. */
async function mediaFiles(deps: PublishInputDeps, post: PostRow, caps: Capabilities): Promise<MediaFile[]> {
  const rows = await deps.db
    .select({
      id: media.id,
      orgId: media.orgId,
      kind: media.kind,
      mime: media.mime,
      size: media.size,
      storageKey: media.storageKey,
      width: media.width,
      height: media.height,
      durationMs: media.durationMs,
      alt: postMedia.alt,
      captionsId: captionsMedia.id,
      captionsKey: captionsMedia.storageKey,
    })
    .from(postMedia)
    .innerJoin(media, eq(media.id, postMedia.mediaId))
    .leftJoin(captionsMedia, eq(captionsMedia.id, postMedia.captionMediaId))
    .where(eq(postMedia.postId, post.id))
    .orderBy(asc(postMedia.position));
  const variant = imageVariantFor(caps);
  const files: MediaFile[] = [];
  for (const row of rows) {
    if (row.kind === 'video') {
      const captions = row.captionsId
        ? {
            bytes: await storedBytes(deps, { id: row.captionsId, storageKey: row.captionsKey }),
            lang: post.language ?? 'de',
          }
        : null;
      const bytes = await storedBytes(deps, row);
      files.push({ ...pick(row), kind: 'video', bytes, durationMs: row.durationMs, captions });
      continue;
    }
    const image = await networkImage(deps, row, variant).catch((error: unknown) => {
      // A file that cannot be made to fit will not fit on the next attempt either.
      throw new RejectedError('image does not fit the network', error instanceof Error ? error.message : null);
    });
    files.push({
      ...pick(row),
      kind: 'image',
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: image.bytes,
    });
  }
  return files;
}

function pick(row: { id: string; mime: string; width: number; height: number; alt: string }) {
  return { id: row.id, mime: row.mime, width: row.width, height: row.height, alt: row.alt };
}
