import { can, type Language, type Media, type MediaList, type mediaListQuerySchema, type Role } from '@nahbar/common';
import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { media, mediaVariants, postMedia } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { cursorTime, encodeCursor, olderThan } from '../../http/keyset-cursor.ts';
import { mediaStoreOf } from '../../storage/index.ts';
import { peopleSummaries, summaryOf } from './media-people-summary.ts';
import { publicMedia } from './public-media.ts';
import { mediaColumns, mediaRow } from './stored-bytes.ts';

type ListQuery = z.infer<typeof mediaListQuerySchema>;

/** Newest first, one page; keyset on the (org_id, created_at) index. */
export async function listMedia(
  deps: Pick<Deps, 'db'>,
  orgId: string,
  query: ListQuery,
  language: Language,
): Promise<MediaList> {
  const where: SQL[] = [eq(media.orgId, orgId)];
  if (query.kind) where.push(eq(media.kind, query.kind));
  if (query.cursor) {
    where.push(olderThan(media.createdAt, media.id, query.cursor, language));
  }
  const rows = await deps.db
    .select({ ...mediaColumns, at: cursorTime(media.createdAt) })
    .from(media)
    .where(and(...where))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const people = await peopleSummaries(
    deps.db,
    orgId,
    page.map((row) => row.id),
  );
  const items = page.map((row) => publicMedia(row, summaryOf(people, row.id)));
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

export async function mediaInfo(deps: Pick<Deps, 'db'>, orgId: string, id: string): Promise<Media> {
  const row = await mediaRow(deps.db, orgId, id);
  return publicMedia(row, summaryOf(await peopleSummaries(deps.db, orgId, [id]), id));
}

export async function updateMedia(
  deps: Pick<Deps, 'db'>,
  orgId: string,
  id: string,
  input: { alt: string | null },
): Promise<Media> {
  const alt = input.alt === '' ? null : input.alt;
  const [row] = await deps.db
    .update(media)
    .set({ alt })
    .where(and(eq(media.orgId, orgId), eq(media.id, id)))
    .returning();
  if (!row) throw new AppError('not_found');
  return publicMedia(row, summaryOf(await peopleSummaries(deps.db, orgId, [id]), id));
}

/**
 * Removes the row, its variants and their files. Someone who may publish removes anything;
 * others only what they uploaded themselves. A file a post still shows stays (409).
 */
export async function deleteMedia(
  deps: Pick<Deps, 'db' | 'config' | 'media'>,
  actor: { userId: string; roles: Role[] },
  orgId: string,
  id: string,
): Promise<void> {
  const row = await mediaRow(deps.db, orgId, id);
  if (!can(actor.roles, 'posts.publish') && row.createdBy !== actor.userId) throw new AppError('forbidden');
  const keys = await deps.db
    .transaction(async (tx) => {
      const [used] = await tx
        .select({ postId: postMedia.postId })
        .from(postMedia)
        .where(and(eq(postMedia.orgId, orgId), or(eq(postMedia.mediaId, id), eq(postMedia.captionMediaId, id))))
        .limit(1);
      if (used) throw new AppError('media_in_use', { postId: used.postId });
      const variants = await tx
        .delete(mediaVariants)
        .where(eq(mediaVariants.mediaId, id))
        .returning({ key: mediaVariants.storageKey });
      await tx.delete(media).where(and(eq(media.orgId, orgId), eq(media.id, id)));
      return [row.storageKey, ...variants.map((v) => v.key)].filter((key): key is string => key !== null);
    })
    .catch((error: unknown) => {
      // A post took it between the check and the delete: the foreign key refuses.
      if (pgCode(error) === '23503') throw new AppError('media_in_use');
      throw error;
    });
  // After the commit: a failed file delete leaves an orphan file, never a row without its file.
  const store = mediaStoreOf(deps);
  await Promise.all(keys.map((key) => store.delete(key)));
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}
