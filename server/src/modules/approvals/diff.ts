import type { PostSnapshot, ReviewDiff } from '@nahbar/common';
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, media, postReviews, postVersions } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { snapshotOf } from '../posts/versions.ts';
import type { Caller } from './comments.ts';
import { reviewablePost } from './comments-access.ts';

// What changed since the version a reviewer approved: the base text, the tags, the media with
// their alt texts, and each channel's variant by the channel's name. Only changed fields are
// listed. Before any approval, the version submitted stands in as "before".

type Field = ReviewDiff['fields'][number];

/** The stored snapshot of a version (a coalesced autosave may have renumbered it: the nearest older). */
export async function snapshotAt(db: DbOrTx, postId: string, version: number): Promise<PostSnapshot | null> {
  const [row] = await db
    .select({ snapshot: postVersions.snapshot })
    .from(postVersions)
    .where(and(eq(postVersions.postId, postId), lte(postVersions.version, version)))
    .orderBy(desc(postVersions.version))
    .limit(1);
  return row?.snapshot ?? null;
}

async function mediaLines(db: DbOrTx, snapshot: PostSnapshot): Promise<string> {
  const ids = snapshot.media.map((m) => m.mediaId);
  const rows = ids.length
    ? await db.select({ id: media.id, kind: media.kind }).from(media).where(inArray(media.id, ids))
    : [];
  const kinds = new Map(rows.map((r) => [r.id, r.kind]));
  return snapshot.media
    .map((m, i) => `${i + 1}. ${kinds.get(m.mediaId) ?? 'media'} ${m.mediaId.slice(0, 8)}: ${m.alt}`)
    .join('\n');
}

/** The text a channel publishes: its variant, else the base text; a content warning first. */
function variantText(snapshot: PostSnapshot, channelId: string): string | null {
  const target = snapshot.targets.find((t) => t.channelId === channelId);
  if (!target) return null;
  const text = target.text ?? snapshot.text;
  return target.contentWarning ? `CW: ${target.contentWarning}\n${text}` : text;
}

const hasChannel = (s: PostSnapshot, id: string) => s.targets.some((t) => t.channelId === id);
const ownWords = (s: PostSnapshot, id: string) =>
  s.targets.some((t) => t.channelId === id && (t.text !== null || Boolean(t.contentWarning)));

export async function diffSnapshots(
  db: DbOrTx,
  orgId: string,
  before: PostSnapshot,
  after: PostSnapshot,
): Promise<Field[]> {
  const fields: Field[] = [];
  const push = (field: string, a: string, b: string) => {
    if (a !== b) fields.push({ field, before: a, after: b });
  };
  push('text', before.text, after.text);
  push('tags', before.tags.join(', '), after.tags.join(', '));
  push('media', await mediaLines(db, before), await mediaLines(db, after));
  const channelIds = [...new Set([...before.targets, ...after.targets].map((t) => t.channelId))];
  const names = channelIds.length
    ? await db
        .select({ id: channels.id, name: channels.name })
        .from(channels)
        .where(and(eq(channels.orgId, orgId), inArray(channels.id, channelIds)))
    : [];
  for (const id of channelIds) {
    const name = names.find((n) => n.id === id)?.name ?? id;
    // A channel that just carries the base text on both sides is covered by "text".
    if (!ownWords(before, id) && !ownWords(after, id) && hasChannel(before, id) === hasChannel(after, id)) continue;
    push(`variant:${name}`, variantText(before, id) ?? '', variantText(after, id) ?? '');
  }
  return fields;
}

export async function reviewDiff(deps: Deps, caller: Caller, orgId: string, postId: string): Promise<ReviewDiff> {
  const post = await reviewablePost(deps.db, orgId, postId, caller);
  const rounds = await deps.db
    .select({ submittedVersion: postReviews.submittedVersion, approvedVersion: postReviews.approvedVersion })
    .from(postReviews)
    .where(and(eq(postReviews.postId, postId), eq(postReviews.orgId, orgId)))
    .orderBy(desc(postReviews.submittedAt));
  // The last approval counts even after an edit restarted the review: that is what the
  // reviewers want to compare with. Before any approval, the latest round's submitted version.
  const approvedVersion = rounds.find((r) => r.approvedVersion !== null)?.approvedVersion ?? null;
  const result: ReviewDiff = { approvedVersion, currentVersion: post.version, fields: [] };
  const baseVersion = approvedVersion ?? rounds[0]?.submittedVersion;
  if (baseVersion === undefined || baseVersion === post.version) return result;
  const before = await snapshotAt(deps.db, postId, baseVersion);
  if (!before) return result;
  result.fields = await diffSnapshots(deps.db, orgId, before, await snapshotOf(deps.db, postId));
  return result;
}
