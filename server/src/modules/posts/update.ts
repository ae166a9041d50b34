import { type Post, type UpdatePostInput, updatePostSchema } from '@nahbar/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { channels, postMedia, posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { onPostEdited } from '../approvals/after-edit.ts';
import { assertApprovedOrNotNeeded } from '../approvals/assert-approval.ts';
import { recordAudit } from '../audit/service.ts';
import { deliverNotified, type Notified } from '../notifications/notify.ts';
import { attachMedia } from './attach-media.ts';
import type { OrgActor } from './org-actor.ts';
import { draftOf, loadChannels, loadMedia } from './post-context.ts';
import { normalizeTags } from './tags.ts';
import { assertSchedulable } from './validate.ts';
import { saveVersion, snapshotOf } from './versions.ts';
import { getPost } from './view.ts';

/** At the network already (or on its way): their text stays, and they stay on the post. */
const AT_NETWORK = ['publishing', 'published', 'taken_down'];

export type UpdateOptions = {
  /** A restore is always its own version, never folded into the last autosave. */
  forceNewVersion?: boolean;
  audit?: { action: string; details: Record<string, unknown> };
};

/**
 * Autosave and edits, on top of the version the editor started from. Scheduled targets must
 * stay publishable with the new content; otherwise nothing is saved.
 */
export async function updatePost(
  deps: Deps,
  actor: OrgActor,
  postId: string,
  raw: UpdatePostInput,
  options: UpdateOptions = {},
): Promise<Post> {
  const input = updatePostSchema.parse(raw);
  const wanted = input.targets;
  if (wanted && new Set(wanted.map((t) => t.channelId)).size !== wanted.length) {
    throw new AppError('validation_failed', [
      fieldError(
        'targets',
        'duplicate',
        { de: 'Jeden Kanal nur einmal.', en: 'Each channel only once.' },
        actor.language,
      ),
    ]);
  }
  const [exists] = await deps.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, actor.orgId)));
  if (!exists) throw new AppError('not_found');
  if (wanted)
    await loadChannels(
      deps.db,
      actor.orgId,
      wanted.map((t) => t.channelId),
    );
  const newMedia = input.media ? await loadMedia(deps.db, actor.orgId, input.media, actor.language) : null;
  const now = deps.clock();

  let reviewNotified: Notified | null = null;
  await deps.db.transaction(async (tx) => {
    // The row lock orders concurrent saves: the second one sees the first one's version.
    const [post] = await tx
      .select()
      .from(posts)
      .where(and(eq(posts.id, postId), eq(posts.orgId, actor.orgId)))
      .for('update');
    if (!post) throw new AppError('not_found');
    const before = await snapshotOf(tx, postId);
    const existing = await tx
      .select({ target: postTargets, channel: channels })
      .from(postTargets)
      .innerJoin(channels, eq(channels.id, postTargets.channelId))
      .where(eq(postTargets.postId, postId))
      .orderBy(asc(postTargets.createdAt));
    // Contributors suggest: their own posts, and only while nothing is scheduled or out.
    if (!actor.canPublish && (post.authorId !== actor.userId || existing.some((t) => t.target.state !== 'draft'))) {
      throw new AppError('forbidden');
    }
    if (input.baseVersion !== post.version) throw new AppError('version_conflict', { currentVersion: post.version });

    const text = input.text ?? post.text;
    const keep = (channelId: string) => !wanted || wanted.some((w) => w.channelId === channelId);
    const removed = existing.filter((e) => !keep(e.target.channelId) && !AT_NETWORK.includes(e.target.state));
    const added = (wanted ?? []).filter((w) => !existing.some((e) => e.target.channelId === w.channelId));

    const scheduled = existing.filter((e) => e.target.state === 'scheduled' && keep(e.target.channelId));
    if (scheduled.length) {
      const attached =
        newMedia ??
        (await loadMedia(
          tx,
          actor.orgId,
          await tx.select().from(postMedia).where(eq(postMedia.postId, postId)).orderBy(asc(postMedia.position)),
          actor.language,
        ));
      assertSchedulable(
        {
          text,
          media: attached,
          targets: scheduled.map((e) => {
            const index = wanted ? wanted.findIndex((t) => t.channelId === e.target.channelId) : existing.indexOf(e);
            const w = wanted?.[index];
            const variant = w ? (w.text ?? null) : e.target.text;
            const cw = w ? (w.contentWarning ?? null) : e.target.contentWarning;
            return draftOf(deps, `targets.${index}`, e.channel, variant ?? text, cw);
          }),
        },
        actor.language,
      );
    }

    const version = post.version + 1;
    for (const e of existing) {
      const w = wanted?.find((t) => t.channelId === e.target.channelId);
      if (AT_NETWORK.includes(e.target.state)) {
        // What went out keeps its words even when the base text changes.
        if (e.target.text === null && text !== post.text) {
          await tx.update(postTargets).set({ text: post.text, updatedAt: now }).where(eq(postTargets.id, e.target.id));
        }
      } else if (w) {
        await tx
          .update(postTargets)
          .set({
            text: w.text ?? null,
            contentWarning: w.contentWarning ?? null,
            visibility: w.visibility,
            updatedAt: now,
          })
          .where(eq(postTargets.id, e.target.id));
      }
    }
    if (removed.length) {
      await tx.delete(postTargets).where(
        inArray(
          postTargets.id,
          removed.map((e) => e.target.id),
        ),
      );
    }
    if (added.length) {
      await tx.insert(postTargets).values(
        added.map((w) => ({
          orgId: actor.orgId,
          postId,
          channelId: w.channelId,
          text: w.text ?? null,
          contentWarning: w.contentWarning ?? null,
          visibility: w.visibility,
          state: 'draft',
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
    if (input.media) {
      await tx.delete(postMedia).where(eq(postMedia.postId, postId));
      await attachMedia(tx, actor.orgId, postId, input.media);
    }
    await tx
      .update(posts)
      .set({
        text,
        ...(input.language !== undefined && { language: input.language }),
        ...(input.tags && { tags: normalizeTags(input.tags) }),
        ...(input.plannedAt !== undefined && { plannedAt: input.plannedAt ? new Date(input.plannedAt) : null }),
        version,
        updatedAt: now,
      })
      .where(eq(posts.id, postId));
    const newVersionRow = await saveVersion(tx, {
      postId,
      orgId: actor.orgId,
      authorId: actor.userId,
      version,
      now,
      forceNew: (options.forceNewVersion ?? false) || input.checkpoint === true,
    });
    // Under review or approved: a content change may send the post back to the first step.
    reviewNotified = await onPostEdited(deps, tx, {
      orgId: actor.orgId,
      postId,
      editorId: actor.userId,
      before,
      after: await snapshotOf(tx, postId),
      beforeVersion: post.version,
      version,
      now,
    });
    // Still on its way after the edit (no review, or an approval kept): an edit must not turn it
    // into a post that needs approval without one — say, a child's photo added to a planned post.
    const stillPlanned = await tx
      .select({ id: postTargets.id })
      .from(postTargets)
      .where(and(eq(postTargets.postId, postId), eq(postTargets.state, 'scheduled')))
      .limit(1);
    if (stillPlanned.length > 0) await assertApprovedOrNotNeeded(tx, actor.orgId, postId, now);
    if (newVersionRow || options.audit) {
      await recordAudit(tx, actor, {
        orgId: actor.orgId,
        action: options.audit?.action ?? 'post.updated',
        targetType: 'post',
        targetId: postId,
        details: {
          version,
          ...(removed.length && { removedChannels: removed.map((e) => e.target.channelId) }),
          ...(added.length && { addedChannels: added.map((w) => w.channelId) }),
          ...options.audit?.details,
        },
      });
    }
  });
  if (reviewNotified) await deliverNotified(deps, reviewNotified);
  return getPost(deps.db, actor.orgId, postId);
}
