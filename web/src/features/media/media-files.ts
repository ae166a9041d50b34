import type { Media, MediaKind } from '@nahbar/common';

// What the library takes: images (re-encoded by the server), MP4/MOV/WebM video, and WebVTT or
// SRT captions. Extensions as well as types, because browsers know no type for .srt (and some
// none for .vtt), and the file dialog filters by either.
const TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
};

const ACCEPT_BY_KIND: Record<MediaKind, string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', '.jpg', '.jpeg', '.png', '.webp', '.gif'],
  video: ['video/mp4', 'video/quicktime', 'video/webm', '.mp4', '.m4v', '.mov', '.webm'],
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
 * The Content-Type to send. The browser's guess wins when it has one (the server checks it against
 * the content anyway); otherwise the extension decides, so a .srt is not sent as octet-stream.
 */
export function uploadContentType(file: Pick<File, 'name' | 'type'>): string {
  if (file.type && file.type !== 'application/octet-stream') return file.type;
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
