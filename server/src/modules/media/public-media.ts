import type { Media } from '@nahbar/common';
import { UNREVIEWED_PEOPLE } from './media-people-summary.ts';
import type { MediaRow } from './stored-bytes.ts';

export function mediaUrl(orgId: string, id: string): string {
  return `/api/orgs/${orgId}/media/${id}`;
}

/** `people` defaults to unreviewed: right for a fresh upload; readers of stored rows pass the review. */
export function publicMedia(row: Omit<MediaRow, 'bytes'>, people: Media['people'] = UNREVIEWED_PEOPLE): Media {
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
    people,
    createdAt: row.createdAt.toISOString(),
  };
}
