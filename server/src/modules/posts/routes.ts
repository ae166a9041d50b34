import { can, createPostSchema, idSchema, postSchema, postTargetSchema, scheduleTargetSchema } from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { cancelTarget, createPost, getPost, listPosts, requestTakedown, scheduleTarget } from './service.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const idParams = z.strictObject({ orgId: idSchema, id: idSchema });
const tags = ['posts'];

export async function postRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writer = async (request: FastifyRequest, orgId: string) => {
    const { roles } = await requireOrgPermission(deps.db, request, orgId, 'posts.draft');
    return { ...actorOf(request), orgId, canPublish: can(roles, 'posts.publish'), language: request.language };
  };

  r.get(
    '/api/orgs/:orgId/posts',
    {
      schema: {
        tags,
        summary: 'Posts with their targets (one per channel), newest first',
        params: orgParams,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.array(postSchema) },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return listPosts(deps, request.params.orgId, request.query.limit);
    },
  );

  r.get(
    '/api/orgs/:orgId/posts/:id',
    { schema: { tags, params: idParams, response: { 200: postSchema } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return getPost(deps, request.params.orgId, request.params.id);
    },
  );

  r.post(
    '/api/orgs/:orgId/posts',
    {
      schema: {
        tags,
        summary: 'Write a post for one or more channels: as draft, now, or at a time',
        params: orgParams,
        body: createPostSchema,
        response: { 201: postSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPost(deps, await writer(request, request.params.orgId), request.body)),
  );

  r.post(
    '/api/orgs/:orgId/targets/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Publish a target now or at a time (also after failure or hold)',
        params: idParams,
        body: scheduleTargetSchema,
        response: { 200: postTargetSchema },
      },
    },
    async (request) =>
      scheduleTarget(deps, await writer(request, request.params.orgId), request.params.id, request.body.when),
  );

  r.post(
    '/api/orgs/:orgId/targets/:id/cancel',
    { schema: { tags, params: idParams, response: { 200: postTargetSchema } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.publish');
      return cancelTarget(deps, await writer(request, request.params.orgId), request.params.id);
    },
  );

  r.post(
    '/api/orgs/:orgId/targets/:id/takedown',
    {
      schema: {
        tags,
        summary: 'Delete a published target at the network',
        params: idParams,
        response: { 200: postTargetSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.takedown');
      return requestTakedown(deps, { ...actorOf(request), orgId: request.params.orgId }, request.params.id);
    },
  );
}
