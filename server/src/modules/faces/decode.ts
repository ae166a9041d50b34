import { loadSharp } from '../../lazy-modules.ts';

/** Pixels as the detector reads them: 8-bit RGB, row by row. */
export type RgbImage = { data: Uint8Array; width: number; height: number };

/**
 * The detector looks at 256 × 256 pixels; a 640 px long edge keeps small faces in a group
 * photo above that resolution while decoding a 3840 px upload stays quick and small in memory.
 */
export const DETECT_MAX_EDGE = 640;

/** The stored image as RGB at a bounded size, oriented as the browser shows it. */
export async function decodeForDetection(bytes: Buffer): Promise<RgbImage> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(bytes, { animated: false })
    .rotate()
    .resize(DETECT_MAX_EDGE, DETECT_MAX_EDGE, { fit: 'inside', withoutEnlargement: true })
    // Transparent areas become white, not black: a black background reads as a dark face more often.
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
