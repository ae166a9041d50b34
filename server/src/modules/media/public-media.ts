import type { Media } from '@nahbar/common';
import type { MediaRow } from './stored-bytes.ts';

export function mediaUrl(orgId: string, id: string): string {
  return `/api/orgs/${orgId}/media/${id}`;
}

export function publicMedia(row: Omit<MediaRow, 'bytes'>): Media {
  return {
    id: row.id,
    kind: row.kind as Media['kind'],
    mime: row.mime,
    width: row.width,
    height: row.height,
    size: row.size,
    durationMs: row.durationMs,
    url: mediaUrl(row.orgId, row.id),
    // Videos get no frame: that would need a decoder (ffmpeg) on the server.
    thumbUrl: row.kind === 'image' ? `${mediaUrl(row.orgId, row.id)}/thumb` : null,
    alt: row.alt,
    originalName: row.originalName,
    derivedFrom: row.derivedFrom,
    createdAt: row.createdAt.toISOString(),
  };
}
