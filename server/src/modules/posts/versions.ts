import type { PostSnapshot, PostVersion } from '@nahbar/common';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { postMedia, posts, postTargets, postVersions, users } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';

/** Autosaves by the same person within this window share one version. */
export const COALESCE_MS = 10 * 60_000;

/** The post's content as stored right now (call it inside the transaction that changed it). */
export async function snapshotOf(db: DbOrTx, postId: string): Promise<PostSnapshot> {
  const [post] = await db
    .select({ text: posts.text, language: posts.language, tags: posts.tags })
    .from(posts)
    .where(eq(posts.id, postId));
  if (!post) throw new AppError('not_found');
  const attached = await db
    .select({ mediaId: postMedia.mediaId, alt: postMedia.alt, captionMediaId: postMedia.captionMediaId })
    .from(postMedia)
    .where(eq(postMedia.postId, postId))
    .orderBy(asc(postMedia.position));
  const targets = await db
    .select({
      channelId: postTargets.channelId,
      text: postTargets.text,
      contentWarning: postTargets.contentWarning,
      visibility: postTargets.visibility,
    })
    .from(postTargets)
    .where(eq(postTargets.postId, postId))
    .orderBy(asc(postTargets.createdAt), asc(postTargets.channelId));
  return {
    text: post.text,
    language: post.language as PostSnapshot['language'],
    tags: post.tags,
    media: attached,
    targets: targets.map((t) => ({ ...t, visibility: t.visibility as PostSnapshot['targets'][number]['visibility'] })),
  };
}

/**
 * Records `version` of a post. A save by the same person on a version younger than ten
 * minutes replaces that row (renumbered, new snapshot): autosave every few seconds must not
 * leave hundreds of versions. Returns whether a new row was added.
 */
export async function saveVersion(
  tx: DbOrTx,
  p: { postId: string; orgId: string; authorId: string | null; version: number; now: Date; forceNew?: boolean },
): Promise<boolean> {
  const snapshot = await snapshotOf(tx, p.postId);
  const [latest] = await tx
    .select({ version: postVersions.version, authorId: postVersions.authorId, createdAt: postVersions.createdAt })
    .from(postVersions)
    .where(eq(postVersions.postId, p.postId))
    .orderBy(desc(postVersions.version))
    .limit(1);
  const coalesce =
    !p.forceNew &&
    latest !== undefined &&
    p.authorId !== null &&
    latest.authorId === p.authorId &&
    p.now.getTime() - latest.createdAt.getTime() < COALESCE_MS;
  if (coalesce) {
    await tx
      .update(postVersions)
      .set({ version: p.version, snapshot, updatedAt: p.now })
      .where(and(eq(postVersions.postId, p.postId), eq(postVersions.version, latest.version)));
    return false;
  }
  await tx.insert(postVersions).values({
    postId: p.postId,
    version: p.version,
    orgId: p.orgId,
    authorId: p.authorId,
    snapshot,
    createdAt: p.now,
    updatedAt: p.now,
  });
  return true;
}

export async function listVersions(db: DbOrTx, orgId: string, postId: string): Promise<PostVersion[]> {
  const [post] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, orgId)));
  if (!post) throw new AppError('not_found');
  const rows = await db
    .select({ row: postVersions, authorName: users.name })
    .from(postVersions)
    .leftJoin(users, eq(users.id, postVersions.authorId))
    .where(eq(postVersions.postId, postId))
    .orderBy(desc(postVersions.version));
  return rows.map(({ row, authorName }) => ({
    version: row.version,
    authorId: row.authorId,
    authorName,
    // The time of the last save in it: what "Version 7, 14:32" means to the reader.
    createdAt: row.updatedAt.toISOString(),
    snapshot: row.snapshot,
  }));
}
