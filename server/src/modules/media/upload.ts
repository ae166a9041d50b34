import type { Media } from '@nahbar/common';
import { media } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { mediaStoreOf, storageKey } from '../../storage/index.ts';
import { CAPTION_TYPES, type CaptionType, MAX_CAPTION_BYTES, readCaptions } from './captions.ts';
import { ACCEPTED_TYPES, type AcceptedType, isAcceptedType, MAX_UPLOAD_BYTES, processImage } from './image-pipeline.ts';
import { publicMedia } from './public-media.ts';
import { MAX_VIDEO_BYTES, readVideo, VIDEO_TYPES, type VideoType } from './video-container.ts';
import { stripVideoMetadata } from './video-metadata.ts';

export const UPLOAD_TYPES = [...Object.keys(ACCEPTED_TYPES), ...Object.keys(VIDEO_TYPES), ...CAPTION_TYPES];

const isVideoType = (type: string): type is VideoType => Object.hasOwn(VIDEO_TYPES, type);
const isCaptionType = (type: string): type is CaptionType => (CAPTION_TYPES as readonly string[]).includes(type);

/** The size limit for a declared type, known before the body is read. */
export function uploadLimit(type: string): number {
  if (isVideoType(type)) return MAX_VIDEO_BYTES;
  if (isCaptionType(type)) return MAX_CAPTION_BYTES;
  return MAX_UPLOAD_BYTES;
}

export function checkUploadType(type: string): asserts type is AcceptedType | VideoType | CaptionType {
  if (!isAcceptedType(type) && !isVideoType(type) && !isCaptionType(type)) {
    throw new AppError('media_type_unsupported', { received: type || null, accepted: UPLOAD_TYPES });
  }
}

type Prepared = Pick<typeof media.$inferInsert, 'kind' | 'mime' | 'width' | 'height' | 'durationMs'> & {
  bytes: Buffer;
};

/** Images are re-encoded, videos checked and kept, subtitles checked and stored as WebVTT. */
async function prepare(bytes: Buffer, type: AcceptedType | VideoType | CaptionType): Promise<Prepared> {
  if (isVideoType(type)) {
    const video = readVideo(bytes, type);
    // Kept as sent, but never with the place (or time) it was filmed.
    return { kind: 'video', ...video, bytes: stripVideoMetadata(bytes) };
  }
  if (isCaptionType(type)) {
    const vtt = readCaptions(bytes, type);
    return { kind: 'captions', mime: 'text/vtt', width: 0, height: 0, durationMs: null, bytes: vtt };
  }
  const image = await processImage(bytes, type);
  return { kind: 'image', ...image, durationMs: null };
}

/**
 * Checks the upload, writes the file to the store, then the row. Should the row fail, the file
 * goes again: a refused upload leaves neither.
 */
export async function uploadMedia(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'media'>,
  input: { orgId: string; userId: string; type: string; bytes: Buffer; name: string | null },
): Promise<Media> {
  checkUploadType(input.type);
  const file = await prepare(input.bytes, input.type);
  return storeNew(deps, { ...input, file, derivedFrom: null, alt: null });
}

export async function storeNew(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'media'>,
  input: {
    orgId: string;
    userId: string;
    name: string | null;
    file: Prepared;
    derivedFrom: string | null;
    alt: string | null;
  },
): Promise<Media> {
  const store = mediaStoreOf(deps);
  const key = storageKey(input.orgId, input.file.mime);
  await store.put(key, input.file.bytes, input.file.mime);
  try {
    const { bytes, ...columns } = input.file;
    const [row] = await deps.db
      .insert(media)
      .values({
        orgId: input.orgId,
        ...columns,
        size: bytes.length,
        storageKey: key,
        originalName: input.name,
        alt: input.alt,
        derivedFrom: input.derivedFrom,
        createdBy: input.userId,
        createdAt: deps.clock(),
      })
      .returning();
    if (!row) throw new Error('media insert returned no row');
    return publicMedia(row);
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
}
