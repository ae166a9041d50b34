import { and, eq } from 'drizzle-orm';
import { posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { OrgActor } from './org-actor.ts';

/** Went out (or is going): such a post stays, so its history and takedown stay possible. */
const WENT_OUT = ['publishing', 'published', 'taken_down'];

/** "Entwurf verwerfen": a post that never went out disappears with its targets and versions. */
export async function deletePost(deps: Deps, actor: OrgActor, postId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [post] = await tx
      .select()
      .from(posts)
      .where(and(eq(posts.id, postId), eq(posts.orgId, actor.orgId)))
      .for('update');
    if (!post) throw new AppError('not_found');
    const targets = await tx
      .select({ state: postTargets.state, channelId: postTargets.channelId })
      .from(postTargets)
      .where(eq(postTargets.postId, postId))
      .for('update');
    if (!actor.canPublish && (post.authorId !== actor.userId || targets.some((t) => t.state !== 'draft'))) {
      throw new AppError('forbidden');
    }
    if (targets.some((t) => WENT_OUT.includes(t.state))) throw new AppError('target_state');
    // Pending publish jobs find no target any more and end without doing anything.
    await tx.delete(posts).where(eq(posts.id, postId));
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'post.deleted',
      targetType: 'post',
      targetId: postId,
      details: {
        channels: targets.map((t) => t.channelId),
        states: targets.map((t) => t.state),
        version: post.version,
      },
    });
  });
}
