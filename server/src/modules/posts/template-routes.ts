import { createTemplateSchema, idSchema, postTemplateSchema, updateTemplateSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from './templates.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const idParams = z.strictObject({ orgId: idSchema, id: idSchema });
const tags = ['templates'];

export async function templateRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/templates',
    {
      schema: {
        tags,
        summary: 'Post templates, by name',
        params: orgParams,
        response: { 200: z.array(postTemplateSchema) },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return listTemplates(deps.db, request.params.orgId);
    },
  );

  r.post(
    '/api/orgs/:orgId/templates',
    { schema: { tags, params: orgParams, body: createTemplateSchema, response: { 201: postTemplateSchema } } },
    async (request, reply) => {
      const { orgId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'plan.manage');
      return reply.code(201).send(await createTemplate(deps, { ...actorOf(request), orgId }, request.body));
    },
  );

  r.patch(
    '/api/orgs/:orgId/templates/:id',
    { schema: { tags, params: idParams, body: updateTemplateSchema, response: { 200: postTemplateSchema } } },
    async (request) => {
      const { orgId, id } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'plan.manage');
      return updateTemplate(deps, { ...actorOf(request), orgId }, id, request.body);
    },
  );

  r.delete('/api/orgs/:orgId/templates/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    const { orgId, id } = request.params;
    await requireOrgPermission(deps.db, request, orgId, 'plan.manage');
    await deleteTemplate(deps, { ...actorOf(request), orgId }, id);
    return reply.code(204).send();
  });
}
