import { createSeriesSchema, idSchema, seriesSchema, updateSeriesSchema } from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { createSeries, deleteSeries, listSeries, updateSeries } from './series.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const idParams = z.strictObject({ orgId: idSchema, id: idSchema });
const tags = ['calendar'];

/** Rubriken: recurring formats that put draft slots into the calendar. */
export async function seriesRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const planner = async (request: FastifyRequest, orgId: string) => {
    await requireOrgPermission(deps.db, request, orgId, 'plan.manage');
    return { ...actorOf(request), orgId, language: request.language };
  };

  r.get(
    '/api/orgs/:orgId/series',
    {
      schema: {
        tags,
        summary: 'Rubriken with their next draft slots',
        params: orgParams,
        response: { 200: z.array(seriesSchema) },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return listSeries(deps, request.params.orgId);
    },
  );

  r.post(
    '/api/orgs/:orgId/series',
    {
      schema: {
        tags,
        summary: 'Create a Rubrik; its drafts for the next 12 weeks appear in the calendar',
        params: orgParams,
        body: createSeriesSchema,
        response: { 201: seriesSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSeries(deps, await planner(request, request.params.orgId), request.body)),
  );

  r.patch(
    '/api/orgs/:orgId/series/:id',
    {
      schema: {
        tags,
        summary: 'Change a Rubrik; untouched future drafts follow the new rule, edited ones stay',
        params: idParams,
        body: updateSeriesSchema,
        response: { 200: seriesSchema },
      },
    },
    async (request) =>
      updateSeries(deps, await planner(request, request.params.orgId), request.params.id, request.body),
  );

  r.delete(
    '/api/orgs/:orgId/series/:id',
    { schema: { tags, summary: 'Delete a Rubrik and its untouched future drafts', params: idParams } },
    async (request, reply) => {
      await deleteSeries(deps, await planner(request, request.params.orgId), request.params.id);
      return reply.code(204).send();
    },
  );
}
