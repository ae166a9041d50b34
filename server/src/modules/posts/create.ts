import { type CreatePostInput, createPostSchema, type Post } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import { posts, postTargets, postTemplates } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { assertApprovedOrNotNeeded } from '../approvals/assert-approval.ts';
import { recordAudit } from '../audit/service.ts';
import { assertConsentAllows } from '../consent/assert-consent.ts';
import { attachMedia } from './attach-media.ts';
import { dueTimes, dueTimesInTransaction } from './due.ts';
import type { OrgActor } from './org-actor.ts';
import { draftOf, loadChannels, loadMedia } from './post-context.ts';
import { normalizeTags } from './tags.ts';
import { assertSchedulable } from './validate.ts';
import { saveVersion } from './versions.ts';
import { getPost } from './view.ts';

/** A new post: its media, one target per channel and version 1, all or nothing. */
export async function createPost(deps: Deps, actor: OrgActor, raw: CreatePostInput): Promise<Post> {
  const input = createPostSchema.parse(raw);
  if (input.when.mode !== 'draft' && !actor.canPublish) throw new AppError('forbidden');
  const now = deps.clock();
  const channelIds = input.targets.map((t) => t.channelId);
  if (new Set(channelIds).size !== channelIds.length) {
    throw new AppError('validation_failed', [
      fieldError(
        'targets',
        'duplicate',
        { de: 'Jeden Kanal nur einmal.', en: 'Each channel only once.' },
        actor.language,
      ),
    ]);
  }
  const rows = await loadChannels(deps.db, actor.orgId, channelIds);
  const media = await loadMedia(deps.db, actor.orgId, input.media, actor.language);
  if (input.templateId) {
    const [template] = await deps.db
      .select({ id: postTemplates.id })
      .from(postTemplates)
      .where(and(eq(postTemplates.id, input.templateId), eq(postTemplates.orgId, actor.orgId)));
    if (!template) throw new AppError('not_found');
  }
  const targets = input.targets.map((t, i) => {
    const channel = rows.find((c) => c.id === t.channelId);
    if (!channel) throw new AppError('not_found');
    return { field: `targets.${i}`, input: t, channel };
  });
  const queueTargets = targets.map((t) => ({ field: t.field, channelId: t.channel.id, channelName: t.channel.name }));
  const decided = await dueTimes(deps.db, actor.orgId, input.when, queueTargets, now, actor.language);
  if (input.when.mode !== 'draft') {
    assertSchedulable(
      {
        text: input.text,
        media,
        targets: targets.map((t) =>
          draftOf(deps, t.field, t.channel, t.input.text ?? input.text, t.input.contentWarning),
        ),
      },
      actor.language,
    );
    await assertConsentAllows(
      deps,
      actor.orgId,
      { mediaIds: input.media.map((m) => m.mediaId), text: input.text },
      targets.map((t) => ({
        field: t.field,
        channelId: t.channel.id,
        dueAt: decided.get(t.channel.id) ?? null,
        text: t.input.text,
      })),
      actor.language,
    );
  }

  const scheduled = input.when.mode !== 'draft';
  const created = await deps.db.transaction(async (tx) => {
    const due = await dueTimesInTransaction(tx, actor.orgId, input.when, queueTargets, now, actor.language, decided);
    const [post] = await tx
      .insert(posts)
      .values({
        orgId: actor.orgId,
        authorId: actor.userId,
        text: input.text,
        language: input.language ?? null,
        tags: normalizeTags(input.tags),
        plannedAt: input.plannedAt ? new Date(input.plannedAt) : null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!post) throw new Error('post insert returned nothing');
    await attachMedia(tx, actor.orgId, post.id, input.media);
    // A post a policy applies to goes out only after its review (its tags and images decide).
    if (scheduled) await assertApprovedOrNotNeeded(tx, actor.orgId, post.id, now);
    const inserted = await tx
      .insert(postTargets)
      .values(
        targets.map(({ input: t }) => ({
          orgId: actor.orgId,
          postId: post.id,
          channelId: t.channelId,
          text: t.text ?? null,
          contentWarning: t.contentWarning ?? null,
          visibility: t.visibility,
          state: scheduled ? 'scheduled' : 'draft',
          dueAt: due.get(t.channelId) ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: postTargets.id, dueAt: postTargets.dueAt });
    await saveVersion(tx, {
      postId: post.id,
      orgId: actor.orgId,
      authorId: actor.userId,
      version: 1,
      now,
      forceNew: true,
    });
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: scheduled ? 'post.scheduled' : 'post.created',
      targetType: 'post',
      targetId: post.id,
      details: {
        channels: channelIds,
        mode: input.when.mode,
        dueAt: inserted.map((t) => t.dueAt?.toISOString() ?? null),
        ...(input.templateId && { templateId: input.templateId }),
      },
    });
    return { postId: post.id, targets: inserted };
  });
  for (const t of created.targets) if (t.dueAt) await deps.jobs.sendPublish(t.id, t.dueAt);
  return getPost(deps.db, actor.orgId, created.postId);
}
