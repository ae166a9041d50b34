import type { Post } from '@nahbar/common';
import { and, eq, inArray } from 'drizzle-orm';
import { channels, media, posts, postVersions } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import type { OrgActor } from './org-actor.ts';
import { updatePost } from './update.ts';

/**
 * Brings back an earlier version as a new one (history is never rewritten). Channels and media
 * deleted since then are left out: the rest of the version still comes back.
 */
export async function restoreVersion(
  deps: Deps,
  actor: OrgActor,
  postId: string,
  version: number,
  baseVersion: number,
): Promise<Post> {
  const [row] = await deps.db
    .select({ snapshot: postVersions.snapshot })
    .from(postVersions)
    .innerJoin(posts, eq(posts.id, postVersions.postId))
    .where(and(eq(postVersions.postId, postId), eq(postVersions.version, version), eq(posts.orgId, actor.orgId)));
  if (!row) throw new AppError('not_found');
  const { snapshot } = row;
  const channelIds = snapshot.targets.map((t) => t.channelId);
  const liveChannels = channelIds.length
    ? await deps.db
        .select({ id: channels.id })
        .from(channels)
        .where(and(eq(channels.orgId, actor.orgId), inArray(channels.id, channelIds)))
    : [];
  const mediaIds = snapshot.media.flatMap((m) => [m.mediaId, ...(m.captionMediaId ? [m.captionMediaId] : [])]);
  const liveMedia = mediaIds.length
    ? await deps.db
        .select({ id: media.id })
        .from(media)
        .where(and(eq(media.orgId, actor.orgId), inArray(media.id, mediaIds)))
    : [];
  const live = (id: string, rows: { id: string }[]) => rows.some((r) => r.id === id);
  const targets = snapshot.targets
    .filter((t) => live(t.channelId, liveChannels))
    .map((t) => ({
      channelId: t.channelId,
      text: t.text,
      ...(t.contentWarning && { contentWarning: t.contentWarning }),
      visibility: t.visibility,
    }));
  return updatePost(
    deps,
    actor,
    postId,
    {
      baseVersion,
      text: snapshot.text,
      language: snapshot.language,
      tags: snapshot.tags,
      media: snapshot.media
        .filter((m) => live(m.mediaId, liveMedia))
        .map((m) => ({
          mediaId: m.mediaId,
          alt: m.alt,
          captionMediaId: m.captionMediaId && live(m.captionMediaId, liveMedia) ? m.captionMediaId : null,
        })),
      ...(targets.length && { targets }),
    },
    { forceNewVersion: true, audit: { action: 'post.restored', details: { restoredVersion: version } } },
  );
}
