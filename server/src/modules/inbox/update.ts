import { can, type InboxItem, type Role, type updateInboxItemSchema } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inboxItems, memberships } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { loadItemView } from './view.ts';

type Patch = z.infer<typeof updateInboxItemSchema>;
const SETTLED = new Set(['answered', 'no_answer_needed']);

/**
 * Status, assignee and tags of one item. The first "answered" or "no answer needed" stamps
 * the response time for reports; reopening keeps it (it measures the first reaction).
 */
export async function updateInboxItem(
  deps: Deps,
  actor: Actor & { orgId: string },
  id: string,
  patch: Patch,
): Promise<InboxItem> {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.orgId, actor.orgId), eq(inboxItems.id, id)))
      .for('update');
    if (!item) throw new AppError('not_found');
    if (patch.assigneeId) {
      const [member] = await tx
        .select({ roles: memberships.roles })
        .from(memberships)
        .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, patch.assigneeId)));
      if (!member || !can(member.roles as Role[], 'inbox.answer')) throw new AppError('inbox_assignee_invalid');
    }
    const set: Partial<typeof inboxItems.$inferInsert> = {};
    const changes: Record<string, unknown> = {};
    if (patch.status !== undefined && patch.status !== item.status) {
      set.status = patch.status;
      changes.status = { from: item.status, to: patch.status };
      if (SETTLED.has(patch.status) && item.answeredAt === null) {
        set.answeredAt = now;
        set.responseMs = Math.max(0, now.getTime() - item.receivedAt.getTime());
      }
    }
    if (patch.assigneeId !== undefined && patch.assigneeId !== item.assigneeId) {
      set.assigneeId = patch.assigneeId;
      changes.assigneeId = { from: item.assigneeId, to: patch.assigneeId };
    }
    if (patch.tags !== undefined) {
      const tags = [...new Set(patch.tags)];
      if (JSON.stringify(tags) !== JSON.stringify(item.tags)) {
        set.tags = tags;
        changes.tags = { from: item.tags, to: tags };
      }
    }
    if (Object.keys(set).length === 0) return;
    await tx.update(inboxItems).set(set).where(eq(inboxItems.id, item.id));
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'inbox.updated',
      targetType: 'inbox_item',
      targetId: item.id,
      details: changes,
    });
  });
  return loadItemView(deps.db, actor.orgId, id, now);
}
