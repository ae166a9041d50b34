import type { Media, MediaKind } from '@nahbar/common';

// What the library takes: images (re-encoded by the server), MP4/MOV video, and WebVTT or SRT
// captions. Extensions as well as types: browsers guess types from the extension anyway, but
// differently (.srt as nothing, text/plain or application/x-subrip; .m4v as video/x-m4v).
const TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
};

const ACCEPT_BY_KIND: Record<MediaKind, string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', '.jpg', '.jpeg', '.png', '.webp', '.gif'],
  video: ['video/mp4', 'video/quicktime', '.mp4', '.m4v', '.mov'],
  captions: ['text/vtt', '.vtt', '.srt'],
};

/** The `accept` attribute for a file input limited to these kinds (all kinds when none are given). */
export function acceptFor(kinds?: readonly MediaKind[]): string {
  const list = kinds && kinds.length > 0 ? kinds : (Object.keys(ACCEPT_BY_KIND) as MediaKind[]);
  return list.flatMap((kind) => ACCEPT_BY_KIND[kind]).join(',');
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The Content-Type to send: the one the server knows for a known extension (it checks the content
 * against it anyway), otherwise the browser's guess, so unknown files get the server's clear refusal.
 */
export function uploadContentType(file: Pick<File, 'name' | 'type'>): string {
  return TYPES_BY_EXTENSION[extension(file.name)] ?? (file.type || 'application/octet-stream');
}

/** The file name a person recognises; the library shows it under the preview. */
export function displayName(media: Pick<Media, 'originalName' | 'id'>, fallback: string): string {
  return media.originalName?.trim() || fallback;
}

/** Human file size in the UI language (kB/MB with one decimal). */
export function formatBytes(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (bytes < 1000) return format(bytes, 'B');
  if (bytes < 1_000_000) return format(bytes / 1000, 'kB');
  return format(bytes / 1_000_000, 'MB');
}

/** Minutes and seconds of a video, e.g. 1:05. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

// The server's limits (server/src/modules/media: image-pipeline, video-container, captions). Checked
// here too because a server that refuses a 300 MB body early often closes the connection while the
// browser still sends, which the browser reports as a network error instead of the server's reason.
const MAX_BYTES: Record<MediaKind, number> = {
  image: 15 * 1024 * 1024,
  video: 100 * 1024 * 1024,
  captions: 1024 * 1024,
};

/** The kind a file will become, by the type it is sent as; null when the server will refuse it anyway. */
export function kindOf(contentType: string): MediaKind | null {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType === 'text/vtt' || contentType === 'application/x-subrip') return 'captions';
  return null;
}

/** The limit in bytes the file is over, or null when it fits (or is left to the server to judge). */
export function exceededLimit(
  file: Pick<File, 'name' | 'type' | 'size'>,
): { kind: MediaKind; maxBytes: number } | null {
  const kind = kindOf(uploadContentType(file));
  if (!kind || file.size <= MAX_BYTES[kind]) return null;
  return { kind, maxBytes: MAX_BYTES[kind] };
}
