import type { TakedownTask } from '@nahbar/common';
import { and, desc, eq } from 'drizzle-orm';
import { channels, posts, postTargets, takedownTasks } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { excerptOf } from '../calendar/excerpt.ts';

/** The report keeps the newest this many; older entries stay in the audit log. */
const REPORT_LIMIT = 500;

function taskQuery(deps: Deps) {
  return deps.db
    .select({ task: takedownTasks, text: posts.text, channelName: channels.name, network: channels.network })
    .from(takedownTasks)
    .innerJoin(posts, eq(posts.id, takedownTasks.postId))
    .leftJoin(postTargets, eq(postTargets.id, takedownTasks.targetId))
    .leftJoin(channels, eq(channels.id, postTargets.channelId));
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['where']>>[number];

function taskView({ task, text, channelName, network }: TaskRow): TakedownTask {
  return {
    id: task.id,
    personId: task.personId,
    personName: task.personName,
    consentId: task.consentId,
    postId: task.postId,
    postExcerpt: excerptOf(text, 80),
    targetId: task.targetId,
    channelName: channelName ?? '',
    network: network ?? '',
    kind: task.kind as TakedownTask['kind'],
    state: task.state as TakedownTask['state'],
    remoteUrl: task.remoteUrl,
    error: task.error,
    requestedAt: task.requestedAt.toISOString(),
    doneAt: task.doneAt?.toISOString() ?? null,
  };
}

/** What withdrawals stopped and took down, where and when, and what still waits; newest first. */
export async function takedownReport(deps: Deps, orgId: string): Promise<{ items: TakedownTask[] }> {
  const rows = await taskQuery(deps)
    .where(eq(takedownTasks.orgId, orgId))
    .orderBy(desc(takedownTasks.requestedAt), desc(takedownTasks.id))
    .limit(REPORT_LIMIT);
  return { items: rows.map(taskView) };
}

/**
 * A person removed the post by hand where nahbar cannot: the task is done and the target
 * counts as taken down.
 */
export async function markManualDone(
  deps: Deps,
  actor: Actor & { orgId: string },
  taskId: string,
): Promise<TakedownTask> {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const [task] = await tx
      .select()
      .from(takedownTasks)
      .where(and(eq(takedownTasks.id, taskId), eq(takedownTasks.orgId, actor.orgId)))
      .for('update');
    if (!task) throw new AppError('not_found');
    if (task.kind !== 'manual' || task.state === 'done') throw new AppError('target_state');
    await tx
      .update(takedownTasks)
      .set({ state: 'done', doneAt: now, doneBy: actor.userId, error: null })
      .where(eq(takedownTasks.id, taskId));
    if (task.targetId) {
      await tx
        .update(postTargets)
        .set({ state: 'taken_down', takenDownAt: now, updatedAt: now })
        .where(and(eq(postTargets.id, task.targetId), eq(postTargets.state, 'published')));
    }
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'takedown.manual_done',
      targetType: 'post_target',
      targetId: task.targetId ?? undefined,
      details: { taskId, postId: task.postId, personId: task.personId, remoteUrl: task.remoteUrl },
    });
  });
  const [row] = await taskQuery(deps).where(eq(takedownTasks.id, taskId));
  return taskView(row!);
}
