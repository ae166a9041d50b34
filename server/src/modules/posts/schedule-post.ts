import type { Post, When } from '@nahbar/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { channels, postMedia, posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { assertConsentAllows } from '../consent/assert-consent.ts';
import { dueTimes, dueTimesInTransaction } from './due.ts';
import type { OrgActor } from './org-actor.ts';
import { draftOf, loadMedia } from './post-context.ts';
import { rescheduled } from './reschedule.ts';
import { assertSchedulable } from './validate.ts';
import { getPost } from './view.ts';

/** Not at the network and not on its way: these a person may (re)schedule or take back. */
export const SCHEDULABLE = ['draft', 'scheduled', 'failed', 'held', 'cancelled'];

/** The composer's "Planen": every target not yet out goes at a time, the queue, now — or back to draft. */
export async function schedulePost(deps: Deps, actor: OrgActor, postId: string, when: When): Promise<Post> {
  if (!actor.canPublish) throw new AppError('forbidden');
  const [post] = await deps.db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, actor.orgId)));
  if (!post) throw new AppError('not_found');
  const all = await deps.db
    .select({ target: postTargets, channel: channels })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(eq(postTargets.postId, postId))
    .orderBy(asc(postTargets.createdAt));
  const movable = all
    .map((row, i) => ({ ...row, field: `targets.${i}` }))
    .filter((row) => SCHEDULABLE.includes(row.target.state));
  if (movable.length === 0) throw new AppError('target_state');
  const now = deps.clock();
  const queueTargets = movable.map((r) => ({ field: r.field, channelId: r.channel.id, channelName: r.channel.name }));
  const decided = await dueTimes(deps.db, actor.orgId, when, queueTargets, now, actor.language);
  if (when.mode !== 'draft') {
    const links = await deps.db
      .select()
      .from(postMedia)
      .where(eq(postMedia.postId, postId))
      .orderBy(asc(postMedia.position));
    assertSchedulable(
      {
        text: post.text,
        media: await loadMedia(deps.db, actor.orgId, links, actor.language),
        targets: movable.map((r) =>
          draftOf(deps, r.field, r.channel, r.target.text ?? post.text, r.target.contentWarning),
        ),
      },
      actor.language,
    );
    await assertConsentAllows(
      deps,
      actor.orgId,
      { postId },
      movable.map((r) => ({
        field: r.field,
        channelId: r.channel.id,
        dueAt: decided.get(r.channel.id) ?? null,
        text: r.target.text,
      })),
      actor.language,
    );
  }

  const updated = await deps.db.transaction(async (tx) => {
    const due = await dueTimesInTransaction(tx, actor.orgId, when, queueTargets, now, actor.language, decided);
    const rows = [];
    for (const r of movable) {
      const dueAt = due.get(r.channel.id) ?? null;
      const [row] = await tx
        .update(postTargets)
        .set(rescheduled(dueAt, now))
        // The engine may have started one meanwhile: then this whole change does not happen.
        .where(and(eq(postTargets.id, r.target.id), inArray(postTargets.state, SCHEDULABLE)))
        .returning({ id: postTargets.id, dueAt: postTargets.dueAt });
      if (!row) throw new AppError('target_state');
      rows.push(row);
    }
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: when.mode === 'draft' ? 'post.unscheduled' : 'post.scheduled',
      targetType: 'post',
      targetId: postId,
      details: {
        mode: when.mode,
        targets: rows.map((row) => ({ id: row.id, dueAt: row.dueAt?.toISOString() ?? null })),
      },
    });
    return rows;
  });
  for (const row of updated) if (row.dueAt) await deps.jobs.sendPublish(row.id, row.dueAt);
  return getPost(deps.db, actor.orgId, postId);
}
