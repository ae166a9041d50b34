import { can, type Language, type Post, type Role } from '@nahbar/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { assertApprovedOrNotNeeded } from '../approvals/assert-approval.ts';
import { recordAudit } from '../audit/service.ts';
import { assertConsentAllows } from '../consent/assert-consent.ts';
import { dueFrom } from '../posts/due.ts';
import { rescheduled as rescheduledTarget } from '../posts/reschedule.ts';
import { loadPosts } from '../posts/view.ts';

/** What the calendar may move; published, publishing, taken down and cancelled stay. */
const MOVABLE = ['draft', 'scheduled', 'failed', 'held'];
/** These go out at the new time. */
const RESCHEDULED = ['scheduled', 'failed', 'held'];

type MoveActor = Actor & { orgId: string; roles: Role[]; language: Language };

/**
 * Calendar drag and drop: every movable target to `at`. Scheduled ones keep their state with
 * the new time, failed and held ones are scheduled again (a person chose the new time), drafts
 * stay drafts and the post's planned time moves. One transaction; the jobs follow the commit.
 */
export async function movePost(deps: Deps, actor: MoveActor, postId: string, atIso: string): Promise<Post> {
  const at = new Date(atIso);
  const now = deps.clock();
  const moved = await deps.db.transaction(async (tx) => {
    const [post] = await tx
      .select({ id: posts.id, plannedAt: posts.plannedAt })
      .from(posts)
      .where(and(eq(posts.id, postId), eq(posts.orgId, actor.orgId)))
      .for('update');
    if (!post) throw new AppError('not_found');
    const targets = await tx
      .select({
        id: postTargets.id,
        state: postTargets.state,
        dueAt: postTargets.dueAt,
        channelId: postTargets.channelId,
        text: postTargets.text,
      })
      .from(postTargets)
      .where(eq(postTargets.postId, postId))
      .orderBy(asc(postTargets.createdAt))
      .for('update');
    const onlyDrafts = targets.every((t) => t.state === 'draft');
    if (!can(actor.roles, onlyDrafts ? 'posts.draft' : 'posts.publish')) throw new AppError('forbidden');
    const movable = targets.filter((t) => MOVABLE.includes(t.state));
    // While one channel is going out, the post stays put (as the calendar shows it): the
    // moment of that channel is being decided right now.
    if (movable.length === 0 || targets.some((t) => t.state === 'publishing')) throw new AppError('target_state');
    const rescheduled = movable.filter((t) => RESCHEDULED.includes(t.state));
    // Only a post that will go out must not be moved into the past; a draft may be filed anywhere.
    if (rescheduled.length) dueFrom({ mode: 'at', at: atIso }, now, actor.language);
    // A failed or held post that needs approval goes out only once approved.
    if (rescheduled.length) await assertApprovedOrNotNeeded(tx, actor.orgId, postId, now);
    // The consent gate at the new time (a consent may end before it).
    await assertConsentAllows(
      deps,
      actor.orgId,
      { postId },
      rescheduled.map((t) => ({
        field: `targets.${targets.indexOf(t)}`,
        channelId: t.channelId,
        dueAt: at,
        text: t.text,
      })),
      actor.language,
    );
    const drafts = movable.filter((t) => t.state === 'draft');

    if (rescheduled.length) {
      await tx
        .update(postTargets)
        .set(rescheduledTarget(at, now))
        .where(
          inArray(
            postTargets.id,
            rescheduled.map((t) => t.id),
          ),
        );
    }
    if (drafts.length) await tx.update(posts).set({ plannedAt: at, updatedAt: now }).where(eq(posts.id, postId));
    const from = rescheduled[0]?.dueAt ?? post.plannedAt;
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'post.moved',
      targetType: 'post',
      targetId: postId,
      details: {
        from: from?.toISOString() ?? null,
        to: at.toISOString(),
        targets: movable.map((t) => ({ id: t.id, state: t.state })),
      },
    });
    return rescheduled.map((t) => t.id);
  });
  for (const id of moved) await deps.jobs.sendPublish(id, at);
  const [post] = await loadPosts(deps.db, actor.orgId, { ids: [postId] });
  if (!post) throw new AppError('not_found');
  return post;
}
