import type { CreatePostInput, Language, Post, PostTarget } from '@nahbar/common';
import { createPostSchema } from '@nahbar/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { channels, media, postMedia, posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { adapterFor } from '../channels/access.ts';
import { checkTargets } from './validate.ts';
import { loadPosts, targetView } from './view.ts';

type OrgActor = Actor & { orgId: string; canPublish: boolean; language: Language };
type When = z.output<typeof createPostSchema>['when'];

/** Scheduling a minute into the past is "now" (clocks differ); more is a mistake. */
const PAST_GRACE_MS = 60_000;

export function dueFrom(when: When, now: Date, language: Language): Date | null {
  if (when.mode === 'draft') return null;
  if (when.mode === 'now') return now;
  if (when.mode === 'queue') throw new AppError('no_posting_slots'); // TODO(queue): next free slot
  const at = new Date(when.at);
  if (at.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw new AppError('due_in_past', [
      fieldError(
        'when.at',
        'past',
        { de: 'Der Zeitpunkt liegt in der Vergangenheit.', en: 'The time is in the past.' },
        language,
      ),
    ]);
  }
  return at;
}

export async function listPosts(deps: Deps, orgId: string, limit: number): Promise<Post[]> {
  return loadPosts(deps.db, orgId, { limit });
}

export async function getPost(deps: Deps, orgId: string, id: string): Promise<Post> {
  const [post] = await loadPosts(deps.db, orgId, { ids: [id] });
  if (!post) throw new AppError('not_found');
  return post;
}

export async function createPost(deps: Deps, actor: OrgActor, raw: CreatePostInput): Promise<Post> {
  const input = createPostSchema.parse(raw);
  if (input.when.mode !== 'draft' && !actor.canPublish) throw new AppError('forbidden');
  const now = deps.clock();
  const dueAt = dueFrom(input.when, now, actor.language);
  const channelIds = [...new Set(input.targets.map((t) => t.channelId))];
  if (channelIds.length !== input.targets.length) {
    throw new AppError('validation_failed', [
      fieldError(
        'targets',
        'duplicate',
        { de: 'Jeder Kanal nur einmal.', en: 'Each channel only once.' },
        actor.language,
      ),
    ]);
  }
  const rows = await deps.db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, actor.orgId), inArray(channels.id, channelIds)));
  const mediaIds = input.media.map((m) => m.mediaId);
  const found = mediaIds.length
    ? await deps.db
        .select({ id: media.id })
        .from(media)
        .where(and(eq(media.orgId, actor.orgId), inArray(media.id, mediaIds)))
    : [];
  // A foreign or unknown id is "not found", as everywhere: it reveals nothing.
  if (rows.length !== channelIds.length || found.length !== new Set(mediaIds).size) throw new AppError('not_found');

  if (dueAt) {
    const errors = checkTargets(
      input.targets.map((t, i) => {
        const channel = rows.find((c) => c.id === t.channelId);
        if (!channel) throw new AppError('not_found');
        return {
          field: `targets.${i}`,
          text: t.text ?? input.text,
          contentWarning: t.contentWarning,
          caps: adapterFor(deps, channel.network).capabilities(channel.settings),
          channelStatus: channel.status,
          mediaCount: input.media.length,
        };
      }),
      actor.language,
    );
    if (errors.length) throw new AppError('post_invalid', errors);
  }

  const state = dueAt ? 'scheduled' : 'draft';
  const created = await deps.db.transaction(async (tx) => {
    const [post] = await tx
      .insert(posts)
      .values({
        orgId: actor.orgId,
        authorId: actor.userId,
        text: input.text,
        language: input.language ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!post) throw new Error('post insert returned nothing');
    if (input.media.length) {
      await tx.insert(postMedia).values(
        input.media.map((m, position) => ({
          postId: post.id,
          orgId: actor.orgId,
          position,
          mediaId: m.mediaId,
          alt: m.alt,
        })),
      );
    }
    const targets = await tx
      .insert(postTargets)
      .values(
        input.targets.map((t) => ({
          orgId: actor.orgId,
          postId: post.id,
          channelId: t.channelId,
          text: t.text ?? null,
          contentWarning: t.contentWarning ?? null,
          visibility: t.visibility,
          state,
          dueAt,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: postTargets.id });
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: dueAt ? 'post.scheduled' : 'post.created',
      targetType: 'post',
      targetId: post.id,
      details: { channels: channelIds, dueAt: dueAt?.toISOString() ?? null },
    });
    return { postId: post.id, targetIds: targets.map((t) => t.id) };
  });
  if (dueAt) for (const id of created.targetIds) await deps.jobs.sendPublish(id, dueAt);
  return getPost(deps, actor.orgId, created.postId);
}

async function targetRow(deps: Deps, orgId: string, id: string) {
  const [row] = await deps.db
    .select({ target: postTargets, channel: channels, post: posts })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(and(eq(postTargets.id, id), eq(postTargets.orgId, orgId)));
  if (!row) throw new AppError('not_found');
  return row;
}

const RESCHEDULABLE = ['draft', 'scheduled', 'failed', 'held', 'cancelled'];

/** Publish now, at a time, or back to draft — also the decision for a held or failed target. */
export async function scheduleTarget(deps: Deps, actor: OrgActor, id: string, when: When): Promise<PostTarget> {
  if (!actor.canPublish) throw new AppError('forbidden');
  const { target, channel, post } = await targetRow(deps, actor.orgId, id);
  const now = deps.clock();
  const dueAt = dueFrom(when, now, actor.language);
  if (dueAt) {
    const attached = await deps.db
      .select({ id: postMedia.mediaId })
      .from(postMedia)
      .where(eq(postMedia.postId, post.id));
    const errors = checkTargets(
      [
        {
          field: 'target',
          text: target.text ?? post.text,
          contentWarning: target.contentWarning,
          caps: adapterFor(deps, channel.network).capabilities(channel.settings),
          channelStatus: channel.status,
          mediaCount: attached.length,
        },
      ],
      actor.language,
    );
    if (errors.length) throw new AppError('post_invalid', errors);
  }
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(postTargets)
      .set({
        state: dueAt ? 'scheduled' : 'draft',
        dueAt,
        attempts: 0,
        retryAt: null,
        errorKind: null,
        errorMessage: null,
        errorNetworkMessage: null,
        errorAt: null,
        updatedAt: now,
      })
      .where(and(eq(postTargets.id, id), inArray(postTargets.state, RESCHEDULABLE)))
      .returning();
    if (!row) throw new AppError('target_state');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: dueAt ? 'post.scheduled' : 'post.unscheduled',
      targetType: 'post_target',
      targetId: id,
      details: { postId: post.id, channelId: channel.id, from: target.state, dueAt: dueAt?.toISOString() ?? null },
    });
    return row;
  });
  if (dueAt) await deps.jobs.sendPublish(id, dueAt);
  return targetView(updated, channel);
}

export async function cancelTarget(deps: Deps, actor: OrgActor, id: string): Promise<PostTarget> {
  const { target, channel } = await targetRow(deps, actor.orgId, id);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(postTargets)
      .set({ state: 'cancelled', updatedAt: deps.clock() })
      .where(and(eq(postTargets.id, id), inArray(postTargets.state, ['draft', 'scheduled', 'failed', 'held'])))
      .returning();
    if (!row) throw new AppError('target_state');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'post.cancelled',
      targetType: 'post_target',
      targetId: id,
      details: { postId: target.postId, channelId: channel.id, from: target.state },
    });
    return targetView(row, channel);
  });
}

/** Delete at the network: recorded now, done by the takedown job (retries, audit). */
export async function requestTakedown(deps: Deps, actor: Actor & { orgId: string }, id: string): Promise<PostTarget> {
  const { target, channel } = await targetRow(deps, actor.orgId, id);
  const row = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(postTargets)
      .set({ takedownRequestedAt: deps.clock(), updatedAt: deps.clock() })
      .where(and(eq(postTargets.id, id), eq(postTargets.state, 'published')))
      .returning();
    if (!row) throw new AppError('target_state');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'post.takedown_requested',
      targetType: 'post_target',
      targetId: id,
      details: { postId: target.postId, channelId: channel.id, remoteUrl: target.remoteUrl },
    });
    return row;
  });
  await deps.jobs.sendTakedown(id);
  return targetView(row, channel);
}
