import type { Post, PostTarget } from '@nahbar/common';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, media, postMedia, posts, postTargets, users } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';

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
    contentWarning: row.contentWarning,
    visibility: row.visibility as PostTarget['visibility'],
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

/** Posts of one organisation with their targets, newest first (or the given ids, in their order). */
export async function loadPosts(db: DbOrTx, orgId: string, opts: { ids?: string[]; limit?: number }): Promise<Post[]> {
  const base = db.select().from(posts);
  const rows = opts.ids
    ? await base.where(inArray(posts.id, opts.ids))
    : await base
        .where(eq(posts.orgId, orgId))
        .orderBy(desc(posts.createdAt))
        .limit(opts.limit ?? 50);
  const order = new Map(opts.ids?.map((id, i) => [id, i]));
  const mine = rows
    .filter((row) => row.orgId === orgId)
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  if (mine.length === 0) return [];
  const ids = mine.map((row) => row.id);
  const targets = await db
    .select({ target: postTargets, name: channels.name, network: channels.network })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(inArray(postTargets.postId, ids))
    .orderBy(asc(postTargets.createdAt), asc(channels.name));
  const attached = await db
    .select({ link: postMedia, kind: media.kind, width: media.width, height: media.height })
    .from(postMedia)
    .innerJoin(media, eq(media.id, postMedia.mediaId))
    .where(inArray(postMedia.postId, ids))
    .orderBy(asc(postMedia.position));
  const authorIds = [...new Set(mine.flatMap((row) => (row.authorId ? [row.authorId] : [])))];
  const authors = authorIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds))
    : [];
  return mine.map((row) => ({
    id: row.id,
    text: row.text,
    language: (row.language as Post['language']) ?? null,
    tags: row.tags,
    version: row.version,
    plannedAt: row.plannedAt?.toISOString() ?? null,
    seriesId: row.seriesId,
    authorId: row.authorId,
    authorName: authors.find((a) => a.id === row.authorId)?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    media: attached
      .filter((m) => m.link.postId === row.id)
      .map(({ link, kind, width, height }) => ({
        mediaId: link.mediaId,
        kind: kind === 'video' ? ('video' as const) : ('image' as const),
        alt: link.alt,
        url: `/api/orgs/${orgId}/media/${link.mediaId}`,
        thumbUrl: kind === 'image' ? `/api/orgs/${orgId}/media/${link.mediaId}/thumb` : null,
        width,
        height,
        captionMediaId: link.captionMediaId,
      })),
    targets: targets.filter((t) => t.target.postId === row.id).map((t) => targetView(t.target, t)),
  }));
}

export async function getPost(db: DbOrTx, orgId: string, id: string): Promise<Post> {
  const [post] = await loadPosts(db, orgId, { ids: [id] });
  if (!post) throw new AppError('not_found');
  return post;
}
