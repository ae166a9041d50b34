import { loadSharp } from '../../lazy-modules.ts';
import { MAX_INPUT_PIXELS } from './image-pipeline.ts';

// Sizes made from the stored (already clean) original on demand. sharp writes no metadata
// unless asked, so every variant is as free of EXIF as its original.

export type Variant = { mime: 'image/jpeg' | 'image/png' | 'image/webp'; width: number; height: number; bytes: Buffer };

/** The networks' documented limits: Bluesky 1 000 000 bytes per blob; Mastodon 3840 px (16 MB default). */
export const NETWORK_VARIANTS = {
  bluesky: { maxEdge: 2000, maxBytes: 1_000_000 },
  mastodon: { maxEdge: 3840, maxBytes: 16 * 1024 * 1024 },
} as const;
export type NetworkVariant = keyof typeof NETWORK_VARIANTS;

const THUMB_EDGE = 400;
const QUALITIES = [85, 78, 70, 62, 55, 48, 40];

const open = async (bytes: Buffer) =>
  (await loadSharp())(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });

/** 400 px on the long edge, WebP: the library grid and the composer's previews. */
export async function thumbnail(original: Buffer): Promise<Variant> {
  const { data, info } = await (await open(original))
    .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  return { mime: 'image/webp', width: info.width, height: info.height, bytes: data };
}

/**
 * The largest JPEG within the network's edge and byte limits: quality steps down first (a
 * photo keeps its resolution), then the edge shrinks by a quarter. An original that already
 * fits is used as it is.
 */
export async function fitToNetwork(
  original: { bytes: Buffer; mime: string; width: number; height: number },
  limits: { maxEdge: number; maxBytes: number },
): Promise<Variant> {
  const longEdge = Math.max(original.width, original.height);
  if (longEdge <= limits.maxEdge && original.bytes.length <= limits.maxBytes) {
    return { ...original, mime: original.mime as Variant['mime'] };
  }
  const sharp = await loadSharp();
  // One decode and resize per edge; the quality steps only re-encode.
  for (let edge = Math.min(longEdge, limits.maxEdge); edge >= 64; edge = Math.floor(edge * 0.75)) {
    const resized = await (await open(original.bytes))
      .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height, channels } = resized.info;
    for (const quality of QUALITIES) {
      const bytes = await sharp(resized.data, { raw: { width, height, channels } }).jpeg({ quality }).toBuffer();
      if (bytes.length <= limits.maxBytes) return { mime: 'image/jpeg', width, height, bytes };
    }
  }
  throw new Error(`image does not fit into ${limits.maxBytes} bytes`);
}
