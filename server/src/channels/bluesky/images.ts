import sharp from 'sharp';
import type { MediaFile } from '../contract.ts';
import { RejectedError } from '../contract.ts';

// Bluesky refuses image blobs over 1 000 000 bytes. Larger images are re-encoded as JPEG,
// first with lower quality, then smaller, until they fit.

import { MAX_IMAGE_BYTES } from './capabilities.ts';

export { MAX_IMAGE_BYTES };

const QUALITIES = [85, 75, 65];
const MAX_SIDE = 2000;

export type UploadableImage = { bytes: Buffer; mime: string; width: number; height: number; alt: string };

export async function fitImage(media: MediaFile, maxBytes = MAX_IMAGE_BYTES): Promise<UploadableImage> {
  if (media.bytes.length <= maxBytes) {
    return { bytes: media.bytes, mime: media.mime, width: media.width, height: media.height, alt: media.alt };
  }
  let side = Math.min(MAX_SIDE, Math.max(media.width, media.height));
  for (let round = 0; round < 8; round += 1) {
    for (const quality of QUALITIES) {
      const { data, info } = await reencode(media, side, quality);
      if (data.length <= maxBytes) {
        return { bytes: data, mime: 'image/jpeg', width: info.width, height: info.height, alt: media.alt };
      }
    }
    side = Math.floor(side * 0.75);
  }
  throw new RejectedError('image too large', `image ${media.id} does not fit into ${maxBytes} bytes`);
}

function reencode(media: MediaFile, side: number, quality: number) {
  return sharp(media.bytes)
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality, mozjpeg: true })
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      // A file sharp cannot read will not become readable by retrying.
      throw new RejectedError('unreadable image', error instanceof Error ? error.message : String(error));
    });
}
