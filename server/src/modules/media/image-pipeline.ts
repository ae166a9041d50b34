import { AppError } from '../../http/errors.ts';
import { loadSharp } from '../../lazy-modules.ts';

// Every upload is decoded and re-encoded: what leaves nahbar carries no EXIF (GPS, camera
// serial numbers), XMP or IPTC, only pixels. Decoding limits keep a hostile file small.

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 50_000_000;
// The largest edge any network we publish to takes (Mastodon 3840 px; Bluesky 2000): more pixels
// would serve nobody, and at this size the Mastodon variant is the original itself.
export const MAX_EDGE = 3840;

/** Declared content type → the format sharp must find in the bytes. */
export const ACCEPTED_TYPES = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;
type Format = (typeof ACCEPTED_TYPES)[AcceptedType];

export type ProcessedImage = { mime: 'image/jpeg' | 'image/png'; width: number; height: number; bytes: Buffer };

export function isAcceptedType(type: string): type is AcceptedType {
  return Object.hasOwn(ACCEPTED_TYPES, type);
}

/**
 * The format the file's first bytes announce. Checked before any decoder sees the file, so
 * an SVG, HEIC or TIFF sent as image/png is never parsed at all.
 */
export function sniffFormat(bytes: Buffer): Format | undefined {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  return undefined;
}

function unreadable(error: unknown): AppError {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
  return new AppError('media_unreadable', { reason });
}

export async function processImage(input: Buffer, declared: AcceptedType): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const expected = ACCEPTED_TYPES[declared];
  const sniffed = sniffFormat(input);
  if (sniffed !== expected) {
    throw new AppError('media_type_mismatch', { declared, detected: sniffed ? `image/${sniffed}` : 'unknown' });
  }
  // Header only, no pixels decoded, so no pixel limit yet: the refusal can name the size.
  const header = await sharp(input, { limitInputPixels: false }).metadata().catch(rethrow);
  if (header.format !== expected) {
    throw new AppError('media_type_mismatch', { declared, detected: header.format });
  }
  const { width = 0, height = 0 } = header;
  if (width * height > MAX_INPUT_PIXELS) {
    throw new AppError('media_too_many_pixels', { width, height, maxPixels: MAX_INPUT_PIXELS });
  }
  const decode = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  // Only images that really use transparency stay PNG; everything else becomes JPEG.
  const transparent = header.hasAlpha ? !(await decode().stats().catch(rethrow)).isOpaque : false;
  const pipeline = decode()
    .autoOrient()
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
  const output = transparent
    ? pipeline.png({ compressionLevel: 9 })
    : // libjpeg-turbo, not mozjpeg: files ~10 % larger, but a 12 MP photo encodes in 0.5 s instead
      // of 4.7 s (bench:media, docs/benchmarks.md).
      pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 85 });
  // sharp writes no metadata unless told to (keepExif/withMetadata): none is asked for here.
  const { data, info } = await output.toBuffer({ resolveWithObject: true }).catch(rethrow);
  return { mime: transparent ? 'image/png' : 'image/jpeg', width: info.width, height: info.height, bytes: data };
}

function rethrow(error: unknown): never {
  if (error instanceof Error && /pixel limit/i.test(error.message)) {
    throw new AppError('media_too_many_pixels', { maxPixels: MAX_INPUT_PIXELS });
  }
  throw unreadable(error);
}
