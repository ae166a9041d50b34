import {
  can,
  createPostSchema,
  idSchema,
  postSchema,
  postTargetSchema,
  postVersionSchema,
  schedulePostSchema,
  scheduleTargetSchema,
  tagSchema,
  targetStateSchema,
  updatePostSchema,
} from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { createPost } from './create.ts';
import { deletePost } from './delete.ts';
import { listPosts } from './list.ts';
import { restoreVersion } from './restore.ts';
import { schedulePost } from './schedule-post.ts';
import { cancelTarget, requestTakedown, scheduleTarget } from './service.ts';
import { listTags } from './tags.ts';
import { templateRoutes } from './template-routes.ts';
import { updatePost } from './update.ts';
import { listVersions } from './versions.ts';
import { getPost } from './view.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const idParams = z.strictObject({ orgId: idSchema, id: idSchema });
const versionParams = z.strictObject({ orgId: idSchema, id: idSchema, version: z.coerce.number().int().min(1) });
const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** From the previous page's x-next-cursor header. */
  cursor: z.string().max(200).optional(),
  tag: tagSchema.optional(),
  authorId: idSchema.optional(),
  state: targetStateSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
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
        summary: 'Posts with their targets, newest first; the next page’s cursor is in x-next-cursor',
        params: orgParams,
        querystring: listQuery,
        response: { 200: z.array(postSchema) },
      },
    },
    async (request, reply) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      const page = await listPosts(deps.db, request.params.orgId, request.query, request.language);
      if (page.nextCursor) reply.header('x-next-cursor', page.nextCursor);
      return page.posts;
    },
  );

  r.get(
    '/api/orgs/:orgId/posts/tags',
    {
      schema: {
        tags,
        summary: 'Campaign tags of the organisation, most used first',
        params: orgParams,
        response: { 200: z.array(z.object({ tag: z.string(), count: z.int() })) },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return listTags(deps.db, request.params.orgId);
    },
  );

  r.get(
    '/api/orgs/:orgId/posts/:id',
    { schema: { tags, params: idParams, response: { 200: postSchema } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return getPost(deps.db, request.params.orgId, request.params.id);
    },
  );

  r.post(
    '/api/orgs/:orgId/posts',
    {
      schema: {
        tags,
        summary: 'Write a post for one or more channels: as draft, now, at a time, or into the queue',
        params: orgParams,
        body: createPostSchema,
        response: { 201: postSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPost(deps, await writer(request, request.params.orgId), request.body)),
  );

  r.patch(
    '/api/orgs/:orgId/posts/:id',
    {
      schema: {
        tags,
        summary: 'Save changes (autosave too) on top of baseVersion; 409 version_conflict when it is outdated',
        params: idParams,
        body: updatePostSchema,
        response: { 200: postSchema },
      },
    },
    async (request) => updatePost(deps, await writer(request, request.params.orgId), request.params.id, request.body),
  );

  r.delete('/api/orgs/:orgId/posts/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await deletePost(deps, await writer(request, request.params.orgId), request.params.id);
    return reply.code(204).send();
  });

  r.post(
    '/api/orgs/:orgId/posts/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Schedule every target not yet out (at, queue, now) or set them back to draft',
        params: idParams,
        body: schedulePostSchema,
        response: { 200: postSchema },
      },
    },
    async (request) =>
      schedulePost(deps, await writer(request, request.params.orgId), request.params.id, request.body.when),
  );

  r.get(
    '/api/orgs/:orgId/posts/:id/versions',
    { schema: { tags, params: idParams, response: { 200: z.array(postVersionSchema) } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return listVersions(deps.db, request.params.orgId, request.params.id);
    },
  );

  r.post(
    '/api/orgs/:orgId/posts/:id/versions/:version/restore',
    {
      schema: {
        tags,
        summary: 'Bring back an earlier version as the newest one',
        params: versionParams,
        body: z.strictObject({ baseVersion: z.int().min(1) }),
        response: { 200: postSchema },
      },
    },
    async (request) => {
      const { orgId, id, version } = request.params;
      return restoreVersion(deps, await writer(request, orgId), id, version, request.body.baseVersion);
    },
  );

  r.post(
    '/api/orgs/:orgId/targets/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Publish a target now, at a time or into the queue (also after failure or hold)',
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

  await templateRoutes(app, deps);
}
