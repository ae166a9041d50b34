import {
  idSchema,
  inboxReplySchema,
  inboxThreadSchema,
  moderateSchema,
  pendingRepliesSchema,
  replyDecisionInputSchema,
  replyTemplateInputSchema,
  replyTemplateSchema,
  sendReplySchema,
} from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inboxEvidence } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { evidenceFilename } from './evidence.ts';
import { moderate } from './moderation.ts';
import { sendReply } from './reply.ts';
import { decideReply, pendingReplies } from './reply-approval.ts';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from './templates.ts';
import { loadThread } from './thread.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const idParams = z.strictObject({ orgId: idSchema, id: idSchema });
const evidenceParams = z.strictObject({ orgId: idSchema, id: idSchema, evidenceId: idSchema });
const tags = ['inbox'];

/** Inbox thread, reply, moderation and template routes. */
export async function inboxActionRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const answerer = async (request: FastifyRequest, orgId: string) => {
    const { roles } = await requireOrgPermission(deps.db, request, orgId, 'inbox.answer');
    return { ...actorOf(request), orgId, roles };
  };
  // Replies waiting for approval: any member may ask; what they may decide follows from the
  // organisation's approver roles (a Leitung usually cannot read the inbox itself).
  const member = async (request: FastifyRequest, orgId: string) => {
    const { roles } = await requireOrgPermission(deps.db, request, orgId, 'posts.read');
    return { ...actorOf(request), orgId, roles };
  };

  r.get(
    '/api/orgs/:orgId/inbox/:id/thread',
    {
      schema: {
        tags,
        summary: 'An item with its conversation, our replies, moderation options and evidence',
        params: idParams,
        response: { 200: inboxThreadSchema },
      },
    },
    async (request) => {
      const { roles } = await requireOrgPermission(deps.db, request, request.params.orgId, 'inbox.read');
      return loadThread(deps, request.params.orgId, request.params.id, { ...actorOf(request), roles });
    },
  );

  r.post(
    '/api/orgs/:orgId/inbox/:id/replies',
    {
      schema: {
        tags,
        summary: 'Answer an item at the network, threaded under it',
        params: idParams,
        body: sendReplySchema,
        response: { 201: inboxReplySchema },
      },
    },
    async (request, reply) => {
      const actor = await answerer(request, request.params.orgId);
      return reply.code(201).send(await sendReply(deps, actor, request.params.id, request.body));
    },
  );

  r.get(
    '/api/orgs/:orgId/inbox/replies/pending',
    {
      schema: {
        tags,
        summary: 'Answers waiting for my approval, with the comment they answer',
        params: orgParams,
        response: { 200: pendingRepliesSchema },
      },
    },
    async (request) => pendingReplies(deps, await member(request, request.params.orgId)),
  );

  r.post(
    '/api/orgs/:orgId/inbox/replies/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve (and send) or reject an answer waiting for approval; rejecting needs a comment',
        params: idParams,
        body: replyDecisionInputSchema,
        response: { 200: inboxReplySchema },
      },
    },
    async (request) => decideReply(deps, await member(request, request.params.orgId), request.params.id, request.body),
  );

  r.post(
    '/api/orgs/:orgId/inbox/:id/moderate',
    {
      schema: {
        tags,
        summary: 'Capture evidence, then hide the reply at the network (hide) or not (capture)',
        params: idParams,
        body: moderateSchema,
        response: { 200: inboxThreadSchema },
      },
    },
    async (request) => moderate(deps, await answerer(request, request.params.orgId), request.params.id, request.body),
  );

  r.get(
    '/api/orgs/:orgId/inbox/:id/evidence/:evidenceId',
    {
      schema: { tags, summary: 'The evidence snapshot as a self-contained HTML download', params: evidenceParams },
    },
    async (request, reply) => {
      const { orgId, id, evidenceId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'inbox.answer');
      const [row] = await deps.db
        .select()
        .from(inboxEvidence)
        .where(and(eq(inboxEvidence.id, evidenceId), eq(inboxEvidence.itemId, id), eq(inboxEvidence.orgId, orgId)));
      if (!row) throw new AppError('not_found');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${evidenceFilename(row)}"`)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(row.snapshotHtml);
    },
  );

  r.get(
    '/api/orgs/:orgId/reply-templates',
    { schema: { tags, params: orgParams, response: { 200: z.array(replyTemplateSchema) } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'inbox.read');
      return listTemplates(deps, request.params.orgId);
    },
  );

  r.post(
    '/api/orgs/:orgId/reply-templates',
    { schema: { tags, params: orgParams, body: replyTemplateInputSchema, response: { 201: replyTemplateSchema } } },
    async (request, reply) => {
      const actor = await answerer(request, request.params.orgId);
      return reply.code(201).send(await createTemplate(deps, actor, request.body));
    },
  );

  r.patch(
    '/api/orgs/:orgId/reply-templates/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: replyTemplateInputSchema.partial().strict(),
        response: { 200: replyTemplateSchema },
      },
    },
    async (request) =>
      updateTemplate(deps, await answerer(request, request.params.orgId), request.params.id, request.body),
  );

  r.delete('/api/orgs/:orgId/reply-templates/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await deleteTemplate(deps, await answerer(request, request.params.orgId), request.params.id);
    return reply.code(204).send();
  });
}
