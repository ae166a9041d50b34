import { and, eq, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { media } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { mediaStoreOf } from '../../storage/index.ts';

export type MediaRow = typeof media.$inferSelect;

/** Every column but the legacy bytes. */
export const { bytes: _legacyBytes, ...mediaColumns } = getTableColumns(media);

/** A media row of this organisation (without the legacy bytes column), or 404. */
export async function mediaRow(db: DbOrTx, orgId: string, id: string): Promise<Omit<MediaRow, 'bytes'>> {
  const [row] = await db
    .select(mediaColumns)
    .from(media)
    .where(and(eq(media.orgId, orgId), eq(media.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The file's bytes: from the store, or — for rows from before the store existed — from the
 * row itself, read only then so the list and info queries never drag blobs along.
 */
export async function storedBytes(
  deps: Pick<Deps, 'db' | 'config' | 'media'>,
  row: { id: string; storageKey: string | null },
): Promise<Buffer> {
  if (row.storageKey) return mediaStoreOf(deps).get(row.storageKey);
  const [legacy] = await deps.db.select({ bytes: media.bytes }).from(media).where(eq(media.id, row.id));
  if (!legacy?.bytes) throw new AppError('not_found');
  return legacy.bytes;
}
