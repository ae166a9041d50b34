import { boxSchema, can, idSchema, mediaPeopleSchema, setMediaPeopleSchema, setPostPeopleSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { getMediaPeople, personMedia, setMediaPeople } from './media-people.ts';
import { getPostPeople, setPostPeople } from './post-people.ts';

const tags = ['people'];
const mediaParams = z.strictObject({ orgId: idSchema, mediaId: idSchema });
const postParams = z.strictObject({ orgId: idSchema, postId: idSchema });
const personParams = z.strictObject({ orgId: idSchema, personId: idSchema });
const personRefSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  ageGroup: z.enum(['child', 'youth', 'adult']),
});
const postPeopleSchema = z.object({ named: z.array(personRefSchema) });
const personMediaSchema = z.object({
  items: z.array(
    z.object({ mediaId: idSchema, thumbUrl: z.string().nullable(), box: boxSchema.nullable(), taggedAt: z.string() }),
  ),
});

export async function taggingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/media/:mediaId/people',
    {
      schema: {
        tags,
        summary: 'Who an image shows ("unreviewed" until someone has looked)',
        params: mediaParams,
        response: { 200: mediaPeopleSchema },
      },
    },
    async (request) => {
      const { orgId, mediaId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.read');
      return getMediaPeople(deps.db, orgId, mediaId, deps.clock());
    },
  );

  r.put(
    '/api/orgs/:orgId/media/:mediaId/people',
    {
      schema: {
        tags,
        summary: 'Record who an image shows: tagged people, nobody identifiable, or § 23 KUG with a reason',
        params: mediaParams,
        body: setMediaPeopleSchema,
        response: { 200: mediaPeopleSchema },
      },
    },
    async (request) => {
      const { orgId, mediaId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'media.tag');
      const actor = { ...actorOf(request), orgId, language: request.language };
      return setMediaPeople(deps, actor, mediaId, request.body);
    },
  );

  r.get(
    '/api/orgs/:orgId/people/:personId/media',
    {
      schema: {
        tags,
        summary: 'The images a person is tagged in',
        params: personParams,
        response: { 200: personMediaSchema },
      },
    },
    async (request) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.read');
      return personMedia(deps.db, orgId, personId);
    },
  );

  r.get(
    '/api/orgs/:orgId/posts/:postId/people',
    {
      schema: {
        tags,
        summary: 'People named in a post’s text',
        params: postParams,
        response: { 200: postPeopleSchema },
      },
    },
    async (request) => {
      const { orgId, postId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.read');
      return getPostPeople(deps.db, orgId, postId, deps.clock());
    },
  );

  r.put(
    '/api/orgs/:orgId/posts/:postId/people',
    {
      schema: {
        tags,
        summary: 'Set the people named in a post’s text',
        params: postParams,
        body: setPostPeopleSchema,
        response: { 200: postPeopleSchema },
      },
    },
    async (request) => {
      const { orgId, postId } = request.params;
      const { roles } = await requireOrgPermission(deps.db, request, orgId, 'posts.draft');
      const actor = { ...actorOf(request), orgId, language: request.language, canPublish: can(roles, 'posts.publish') };
      return setPostPeople(deps, actor, postId, request.body.named);
    },
  );
}
