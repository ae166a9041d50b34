import type { ReplyTemplate } from '@nahbar/common';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/open.ts';
import { replyTemplates } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';

// Reply templates ("Antwortbausteine"): the web fills the placeholders, the server only keeps them.

type OrgActor = Actor & { orgId: string };
type TemplateRow = typeof replyTemplates.$inferSelect;
type TemplateInput = { name: string; body: string };

const view = (row: TemplateRow): ReplyTemplate => ({
  id: row.id,
  name: row.name,
  body: row.body,
  updatedAt: row.updatedAt.toISOString(),
});

export async function listTemplates(deps: Deps, orgId: string): Promise<ReplyTemplate[]> {
  const rows = await deps.db
    .select()
    .from(replyTemplates)
    .where(eq(replyTemplates.orgId, orgId))
    .orderBy(asc(sql`lower(${replyTemplates.name})`), asc(replyTemplates.id));
  return rows.map(view);
}

/**
 * Names are unique per organisation regardless of case, so the picker never shows two
 * "Netiquette". There is no unique index for it: a per-organisation lock serialises writers.
 */
async function ensureNameFree(tx: Tx, orgId: string, name: string, exceptId?: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reply_templates:${orgId}`}))`);
  const conditions = [eq(replyTemplates.orgId, orgId), sql`lower(${replyTemplates.name}) = lower(${name})`];
  if (exceptId) conditions.push(ne(replyTemplates.id, exceptId));
  const [taken] = await tx
    .select({ id: replyTemplates.id })
    .from(replyTemplates)
    .where(and(...conditions));
  if (taken) throw new AppError('reply_template_name_taken');
}

export async function createTemplate(deps: Deps, actor: OrgActor, input: TemplateInput): Promise<ReplyTemplate> {
  return deps.db.transaction(async (tx) => {
    await ensureNameFree(tx, actor.orgId, input.name);
    const now = deps.clock();
    const [row] = await tx
      .insert(replyTemplates)
      .values({ orgId: actor.orgId, name: input.name, body: input.body, createdBy: actor.userId, updatedAt: now })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'reply_template.created',
      targetType: 'reply_template',
      targetId: row.id,
      details: { name: row.name },
    });
    return view(row);
  });
}

export async function updateTemplate(
  deps: Deps,
  actor: OrgActor,
  id: string,
  input: Partial<TemplateInput>,
): Promise<ReplyTemplate> {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(replyTemplates)
      .where(and(eq(replyTemplates.id, id), eq(replyTemplates.orgId, actor.orgId)))
      .for('update');
    if (!before) throw new AppError('not_found');
    if (input.name !== undefined) await ensureNameFree(tx, actor.orgId, input.name, id);
    const [row] = await tx
      .update(replyTemplates)
      .set({ ...input, updatedAt: deps.clock() })
      .where(eq(replyTemplates.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'reply_template.updated',
      targetType: 'reply_template',
      targetId: id,
      details: { name: row.name, ...(before.name !== row.name && { previousName: before.name }) },
    });
    return view(row);
  });
}

export async function deleteTemplate(deps: Deps, actor: OrgActor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(replyTemplates)
      .where(and(eq(replyTemplates.id, id), eq(replyTemplates.orgId, actor.orgId)))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'reply_template.deleted',
      targetType: 'reply_template',
      targetId: id,
      details: { name: row.name },
    });
  });
}

/** A reply may name the template it came from; only this organisation's templates count. */
export async function templateExists(deps: Deps, orgId: string, id: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: replyTemplates.id })
    .from(replyTemplates)
    .where(and(eq(replyTemplates.id, id), eq(replyTemplates.orgId, orgId)));
  return Boolean(row);
}
