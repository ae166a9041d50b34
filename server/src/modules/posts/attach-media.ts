import type { postMediaInputSchema } from '@nahbar/common';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/open.ts';
import { media, postMedia } from '../../db/schema/index.ts';

type Attached = z.output<typeof postMediaInputSchema>;

/**
 * A post's images and video, in order. The alt text written here is remembered on the media item
 * too ("the alt text last used"), so the library and the next post offer it again.
 */
export async function attachMedia(tx: DbOrTx, orgId: string, postId: string, items: Attached[]): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(postMedia).values(
    items.map((m, position) => ({
      postId,
      orgId,
      position,
      mediaId: m.mediaId,
      alt: m.alt,
      captionMediaId: m.captionMediaId ?? null,
    })),
  );
  for (const m of items) {
    if (!m.alt.trim()) continue;
    await tx
      .update(media)
      .set({ alt: m.alt })
      .where(and(eq(media.id, m.mediaId), eq(media.orgId, orgId), sql`${media.alt} is distinct from ${m.alt}`));
  }
}
