import type { PostTarget, When } from '@nahbar/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { channels, postMedia, posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { assertApprovedOrNotNeeded } from '../approvals/assert-approval.ts';
import { recordAudit } from '../audit/service.ts';
import { assertConsentAllows } from '../consent/assert-consent.ts';
import { dueTimes, dueTimesInTransaction } from './due.ts';
import type { OrgActor } from './org-actor.ts';
import { draftOf, loadMedia } from './post-context.ts';
import { rescheduled } from './reschedule.ts';
import { SCHEDULABLE } from './schedule-post.ts';
import { assertSchedulable } from './validate.ts';
import { targetView } from './view.ts';

// One target at a time: the post list's buttons and the decision for a held or failed target.

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

/** Publish now, at a time, into the queue, or back to draft — also the decision for a held or failed target. */
export async function scheduleTarget(deps: Deps, actor: OrgActor, id: string, when: When): Promise<PostTarget> {
  if (!actor.canPublish) throw new AppError('forbidden');
  const { target, channel, post } = await targetRow(deps, actor.orgId, id);
  const now = deps.clock();
  const queueTargets = [{ field: 'target', channelId: channel.id, channelName: channel.name }];
  const decided = await dueTimes(deps.db, actor.orgId, when, queueTargets, now, actor.language);
  let dueAt = decided.get(channel.id) ?? null;
  if (dueAt) {
    await assertApprovedOrNotNeeded(deps.db, actor.orgId, post.id, now);
    const links = await deps.db
      .select()
      .from(postMedia)
      .where(eq(postMedia.postId, post.id))
      .orderBy(asc(postMedia.position));
    assertSchedulable(
      {
        text: post.text,
        media: await loadMedia(deps.db, actor.orgId, links, actor.language),
        targets: [draftOf(deps, 'target', channel, target.text ?? post.text, target.contentWarning)],
      },
      actor.language,
    );
    await assertConsentAllows(
      deps,
      actor.orgId,
      { postId: post.id },
      [{ field: 'target', channelId: channel.id, dueAt, text: target.text }],
      actor.language,
    );
  }
  const updated = await deps.db.transaction(async (tx) => {
    const due = await dueTimesInTransaction(tx, actor.orgId, when, queueTargets, now, actor.language, decided);
    dueAt = due.get(channel.id) ?? null;
    const [row] = await tx
      .update(postTargets)
      .set(rescheduled(dueAt, now))
      .where(and(eq(postTargets.id, id), inArray(postTargets.state, SCHEDULABLE)))
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
