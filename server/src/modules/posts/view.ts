import type { Post, PostTarget } from '@nahbar/common';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, postMedia, posts, postTargets } from '../../db/schema/index.ts';

type TargetRow = typeof postTargets.$inferSelect;
type ChannelPart = { name: string; network: string };

export function targetView(row: TargetRow, channel: ChannelPart): PostTarget {
  return {
    id: row.id,
    channelId: row.channelId,
    network: channel.network as PostTarget['network'],
    channelName: channel.name,
    state: row.state as PostTarget['state'],
    text: row.text,
    dueAt: row.dueAt?.toISOString() ?? null,
    attempts: row.attempts,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    remoteUrl: row.remoteUrl,
    error:
      row.errorKind && row.errorAt
        ? {
            kind: row.errorKind as NonNullable<PostTarget['error']>['kind'],
            message: row.errorMessage ?? '',
            networkMessage: row.errorNetworkMessage,
            at: row.errorAt.toISOString(),
          }
        : null,
    takedownRequestedAt: row.takedownRequestedAt?.toISOString() ?? null,
    takenDownAt: row.takenDownAt?.toISOString() ?? null,
  };
}

/** Posts of one organisation with their targets, newest first (or just the given ids). */
export async function loadPosts(db: DbOrTx, orgId: string, opts: { ids?: string[]; limit?: number }): Promise<Post[]> {
  const base = db.select().from(posts);
  const rows = opts.ids
    ? await base.where(inArray(posts.id, opts.ids))
    : await base
        .where(eq(posts.orgId, orgId))
        .orderBy(desc(posts.createdAt))
        .limit(opts.limit ?? 50);
  const mine = rows.filter((row) => row.orgId === orgId);
  if (mine.length === 0) return [];
  const ids = mine.map((row) => row.id);
  const targets = await db
    .select({ target: postTargets, name: channels.name, network: channels.network })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(inArray(postTargets.postId, ids))
    .orderBy(asc(postTargets.createdAt), asc(channels.name));
  const media = await db
    .select()
    .from(postMedia)
    .where(inArray(postMedia.postId, ids))
    .orderBy(asc(postMedia.position));
  return mine.map((row) => ({
    id: row.id,
    text: row.text,
    language: (row.language as Post['language']) ?? null,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
    media: media
      .filter((m) => m.postId === row.id)
      .map((m) => ({ mediaId: m.mediaId, alt: m.alt, url: `/api/orgs/${orgId}/media/${m.mediaId}` })),
    targets: targets.filter((t) => t.target.postId === row.id).map((t) => targetView(t.target, t)),
  }));
}
