import type { Db } from '../../db/open.ts';
import { postMedia, posts, postTargets } from '../../db/schema/index.ts';

// Posts in every state as the composer and the engine leave them, written directly: the
// calendar only reads them, and some states (published, failed) take a network to reach.

export type TargetSpec = { channelId: string; state: string; dueAt?: Date | null; publishedAt?: Date | null };

export async function insertPost(
  db: Db,
  orgId: string,
  spec: {
    text?: string;
    tags?: string[];
    authorId?: string | null;
    plannedAt?: Date | null;
    seriesId?: string | null;
    images?: string[];
    targets: TargetSpec[];
  },
) {
  const [post] = await db
    .insert(posts)
    .values({
      orgId,
      text: spec.text ?? 'Offener Treff am Freitag',
      tags: spec.tags ?? [],
      authorId: spec.authorId ?? null,
      plannedAt: spec.plannedAt ?? null,
      seriesId: spec.seriesId ?? null,
    })
    .returning();
  if (!post) throw new Error('no post');
  if (spec.images?.length) {
    await db
      .insert(postMedia)
      .values(spec.images.map((mediaId, position) => ({ postId: post.id, orgId, position, mediaId, alt: 'Bild' })));
  }
  const targets = await db
    .insert(postTargets)
    .values(
      spec.targets.map((t) => ({
        orgId,
        postId: post.id,
        channelId: t.channelId,
        state: t.state,
        dueAt: t.dueAt ?? null,
        publishedAt: t.publishedAt ?? null,
      })),
    )
    .returning();
  return { post, targets };
}
