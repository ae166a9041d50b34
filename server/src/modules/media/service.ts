import type { Media } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import { media } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { type AcceptedType, processImage } from './image-pipeline.ts';

export function mediaUrl(orgId: string, id: string): string {
  return `/api/orgs/${orgId}/media/${id}`;
}

function publicMedia(row: Omit<typeof media.$inferSelect, 'bytes'>): Media {
  return {
    id: row.id,
    kind: row.kind as Media['kind'],
    mime: row.mime,
    width: row.width,
    height: row.height,
    size: row.size,
    durationMs: row.durationMs,
    url: mediaUrl(row.orgId, row.id),
    thumbUrl: row.kind === 'image' ? `${mediaUrl(row.orgId, row.id)}/thumb` : null,
    alt: row.alt,
    originalName: row.originalName,
    derivedFrom: row.derivedFrom,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Re-encodes the upload (image-pipeline.ts) and stores only the result. */
export async function uploadMedia(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { orgId: string; userId: string; type: AcceptedType; bytes: Buffer },
): Promise<Media> {
  const image = await processImage(input.bytes, input.type);
  const [row] = await deps.db
    .insert(media)
    .values({
      orgId: input.orgId,
      mime: image.mime,
      width: image.width,
      height: image.height,
      size: image.bytes.length,
      bytes: image.bytes,
      createdBy: input.userId,
      createdAt: deps.clock(),
    })
    .returning();
  if (!row) throw new Error('media insert returned no row');
  return publicMedia(row);
}

/** The stored bytes, only within the organisation that owns them. */
export async function readMedia(deps: Pick<Deps, 'db'>, orgId: string, id: string) {
  const [row] = await deps.db
    .select({ mime: media.mime, bytes: media.bytes })
    .from(media)
    .where(and(eq(media.orgId, orgId), eq(media.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}
