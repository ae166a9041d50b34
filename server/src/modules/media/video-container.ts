import { AppError } from '../../http/errors.ts';

// MP4 and MOV are ISO base media files: a sequence of boxes (size, type, payload). We read
// the few we need ourselves instead of handing an upload to a decoder: ftyp (which format),
// moov/mvhd (duration) and moov/trak/tkhd (picture size). Everything else is kept as sent.

export const MAX_VIDEO_BYTES = 100 * 1024 * 1024;

export const VIDEO_TYPES = { 'video/mp4': 'mp4', 'video/quicktime': 'mov' } as const;
export type VideoType = keyof typeof VIDEO_TYPES;

/** Major brands per container; "qt  " is QuickTime, the rest are MPEG-4 family brands. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'MSNV', 'dash']);
const MOV_BRANDS = new Set(['qt  ']);

export type VideoInfo = { mime: VideoType; width: number; height: number; durationMs: number };

/** `at`: where the box (its header) begins; `start`–`end`: its payload. */
export type Box = { type: string; at: number; start: number; end: number };

function invalid(reason: string): AppError {
  return new AppError('media_video_invalid', { reason });
}

/** The boxes between `from` and `to`; a box that claims more than there is means a cut file. */
export function boxes(bytes: Buffer, from: number, to: number): Box[] {
  const found: Box[] = [];
  let at = from;
  while (at < to) {
    if (to - at < 8) throw invalid('truncated box header');
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (to - at < 16) throw invalid('truncated box header');
      const large = bytes.readBigUInt64BE(at + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid(`box ${type} too large`);
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = to - at; // "to the end of the file"
    }
    if (size < header) throw invalid(`box ${JSON.stringify(type)} has size ${size}`);
    if (at + size > to) throw invalid(`box ${JSON.stringify(type)} is cut off`);
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw invalid('not a box');
    found.push({ type, at, start: at + header, end: at + size });
    at += size;
  }
  return found;
}

/** The container's own brand must match the declared type; anything else is not this video. */
export function sniffVideo(bytes: Buffer): VideoType | undefined {
  if (bytes.length < 12 || bytes.toString('latin1', 4, 8) !== 'ftyp') return undefined;
  const brand = bytes.toString('latin1', 8, 12);
  if (MOV_BRANDS.has(brand)) return 'video/quicktime';
  if (MP4_BRANDS.has(brand)) return 'video/mp4';
  return undefined;
}

export function readVideo(bytes: Buffer, declared: VideoType): VideoInfo {
  const sniffed = sniffVideo(bytes);
  if (sniffed !== declared) {
    throw new AppError('media_type_mismatch', { declared, detected: sniffed ?? 'unknown' });
  }
  const top = boxes(bytes, 0, bytes.length);
  const moov = top.find((b) => b.type === 'moov');
  if (!moov) throw invalid('no moov box');
  if (!top.some((b) => b.type === 'mdat')) throw invalid('no media data');
  const inMoov = boxes(bytes, moov.start, moov.end);
  const mvhd = inMoov.find((b) => b.type === 'mvhd');
  if (!mvhd) throw invalid('no mvhd box');
  const durationMs = movieDuration(bytes, mvhd);
  const picture = inMoov
    .filter((b) => b.type === 'trak')
    .map((trak) => boxes(bytes, trak.start, trak.end).find((b) => b.type === 'tkhd'))
    .map((tkhd) => (tkhd ? trackSize(bytes, tkhd) : null))
    .find((size) => size !== null && size.width > 0 && size.height > 0);
  if (!picture) throw invalid('no video track');
  return { mime: declared, durationMs, ...picture };
}

function movieDuration(bytes: Buffer, mvhd: Box): number {
  const version = bytes[mvhd.start];
  const need = version === 1 ? 32 : 20;
  if (mvhd.end - mvhd.start < need) throw invalid('mvhd too short');
  const p = mvhd.start + 4;
  const timescale = version === 1 ? bytes.readUInt32BE(p + 16) : bytes.readUInt32BE(p + 8);
  const duration = version === 1 ? Number(bytes.readBigUInt64BE(p + 20)) : bytes.readUInt32BE(p + 12);
  if (timescale === 0 || duration === 0) throw invalid('no duration');
  return Math.round((duration / timescale) * 1000);
}

/** Width and height (16.16 fixed point); a 90° rotation matrix (phone videos) swaps them. */
function trackSize(bytes: Buffer, tkhd: Box): { width: number; height: number } | null {
  const version = bytes[tkhd.start];
  const matrixAt = tkhd.start + 4 + (version === 1 ? 32 : 20) + 16;
  if (tkhd.end < matrixAt + 36 + 8) return null;
  const width = Math.round(bytes.readUInt32BE(matrixAt + 36) / 65536);
  const height = Math.round(bytes.readUInt32BE(matrixAt + 40) / 65536);
  const a = bytes.readInt32BE(matrixAt);
  const b = bytes.readInt32BE(matrixAt + 4);
  return a === 0 && b !== 0 ? { width: height, height: width } : { width, height };
}
