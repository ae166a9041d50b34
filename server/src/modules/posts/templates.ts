import { createTemplateSchema, type PostTemplate, updateTemplateSchema } from '@nahbar/common';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/open.ts';
import { postTemplates } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { loadChannels } from './post-context.ts';
import { normalizeTags } from './tags.ts';

// Reusable starting points ("Veranstaltungshinweis", "Stellenanzeige"): a text, tags and the
// usual channels. Everybody reads them; the editorial team writes them.

type TemplateActor = Actor & { orgId: string };
type TemplateRow = typeof postTemplates.$inferSelect;

function templateView(row: TemplateRow): PostTemplate {
  return {
    id: row.id,
    name: row.name,
    text: row.text,
    tags: row.tags,
    channelIds: row.channelIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listTemplates(db: DbOrTx, orgId: string): Promise<PostTemplate[]> {
  const rows = await db
    .select()
    .from(postTemplates)
    .where(eq(postTemplates.orgId, orgId))
    .orderBy(asc(sql`lower(${postTemplates.name})`));
  return rows.map(templateView);
}

/** Names are unique per organisation, ignoring case; the lock makes two same-time saves wait in turn. */
async function assertNameFree(tx: DbOrTx, orgId: string, name: string, exceptId?: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`post_templates:${orgId}`}, 0))`);
  const [clash] = await tx
    .select({ id: postTemplates.id })
    .from(postTemplates)
    .where(
      and(
        eq(postTemplates.orgId, orgId),
        sql`lower(${postTemplates.name}) = lower(${name})`,
        ...(exceptId ? [ne(postTemplates.id, exceptId)] : []),
      ),
    );
  if (clash) throw new AppError('template_name_taken');
}

export async function createTemplate(
  deps: Deps,
  actor: TemplateActor,
  raw: z.input<typeof createTemplateSchema>,
): Promise<PostTemplate> {
  const input = createTemplateSchema.parse(raw);
  await loadChannels(deps.db, actor.orgId, input.channelIds);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    const [row] = await tx
      .insert(postTemplates)
      .values({
        orgId: actor.orgId,
        name: input.name,
        text: input.text,
        tags: normalizeTags(input.tags),
        channelIds: [...new Set(input.channelIds)],
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('template insert returned nothing');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'template.created',
      targetType: 'post_template',
      targetId: row.id,
      details: { name: row.name },
    });
    return templateView(row);
  });
}

export async function updateTemplate(
  deps: Deps,
  actor: TemplateActor,
  id: string,
  raw: z.input<typeof updateTemplateSchema>,
): Promise<PostTemplate> {
  const input = updateTemplateSchema.parse(raw);
  if (input.channelIds) await loadChannels(deps.db, actor.orgId, input.channelIds);
  return deps.db.transaction(async (tx) => {
    if (input.name) await assertNameFree(tx, actor.orgId, input.name, id);
    const [row] = await tx
      .update(postTemplates)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.text !== undefined && { text: input.text }),
        ...(input.tags && { tags: normalizeTags(input.tags) }),
        ...(input.channelIds && { channelIds: [...new Set(input.channelIds)] }),
        updatedAt: deps.clock(),
      })
      .where(and(eq(postTemplates.id, id), eq(postTemplates.orgId, actor.orgId)))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'template.updated',
      targetType: 'post_template',
      targetId: id,
      details: { fields: Object.keys(input) },
    });
    return templateView(row);
  });
}

export async function deleteTemplate(deps: Deps, actor: TemplateActor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(postTemplates)
      .where(and(eq(postTemplates.id, id), eq(postTemplates.orgId, actor.orgId)))
      .returning({ name: postTemplates.name });
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'template.deleted',
      targetType: 'post_template',
      targetId: id,
      details: { name: row.name },
    });
  });
}
