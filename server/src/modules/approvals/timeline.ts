import type { PostTimeline } from '@nahbar/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { auditLog, channels, postReviews, postTargets, postVersions, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Caller } from './comments.ts';
import { reviewablePost } from './comments-access.ts';

// Everything that happened to a post, oldest first, read from the audit log: entries about the
// post itself, any of its targets (published where, taken down, held) or its reviews. Version
// saves the audit has no entry for (autosaves) appear from the version history.

type Item = PostTimeline['items'][number];

/** Audit actions that stand for saving a version (details.version), and what version 1 is. */
const VERSION_ACTIONS = new Set(['post.updated', 'post.restored']);
const CREATION = new Set(['post.created', 'post.scheduled']);

export async function postTimeline(deps: Deps, caller: Caller, orgId: string, postId: string): Promise<PostTimeline> {
  await reviewablePost(deps.db, orgId, postId, caller);
  const db = deps.db;
  const targets = await db
    .select({ id: postTargets.id, channelName: channels.name })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(eq(postTargets.postId, postId));
  const reviews = await db
    .select({ id: postReviews.id })
    .from(postReviews)
    .where(and(eq(postReviews.postId, postId), eq(postReviews.orgId, orgId)));
  const channelOf = new Map(targets.map((t) => [t.id, t.channelName]));
  const ids = [postId, ...targets.map((t) => t.id), ...reviews.map((r) => r.id)];
  const rows = await db
    .select({ entry: auditLog, name: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.orgId, orgId), inArray(auditLog.targetId, ids)))
    .orderBy(asc(auditLog.id));
  const items: Item[] = rows.map(({ entry, name }) => {
    const details = entry.details as Record<string, unknown>;
    return {
      at: entry.createdAt.toISOString(),
      action: entry.action,
      // An external reviewer has no account: the link's name stands in.
      actorName: name ?? (typeof details.reviewerName === 'string' ? details.reviewerName : null),
      channelName: entry.targetId ? (channelOf.get(entry.targetId) ?? null) : null,
      details,
    };
  });

  const covered = new Set<number>();
  for (const { entry } of rows) {
    const version = (entry.details as { version?: unknown }).version;
    if (VERSION_ACTIONS.has(entry.action) && typeof version === 'number') covered.add(version);
    if (CREATION.has(entry.action)) covered.add(1);
  }
  const versions = await db
    .select({ version: postVersions.version, at: postVersions.updatedAt, name: users.name })
    .from(postVersions)
    .leftJoin(users, eq(users.id, postVersions.authorId))
    .where(eq(postVersions.postId, postId));
  for (const v of versions) {
    if (covered.has(v.version)) continue;
    items.push({
      at: v.at.toISOString(),
      action: 'post.version_saved',
      actorName: v.name,
      channelName: null,
      details: { version: v.version },
    });
  }
  // Stable: equal times keep the audit's order.
  return {
    items: items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => a.item.at.localeCompare(b.item.at) || a.i - b.i)
      .map((x) => x.item),
  };
}
