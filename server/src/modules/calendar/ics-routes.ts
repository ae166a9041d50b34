import { calendarFeedSchema, createCalendarFeedSchema, createdCalendarFeedSchema, idSchema } from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { createFeed, listFeeds, revokeFeed } from './ics-feeds.ts';
import { renderIcs } from './ics-render.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const idParams = z.strictObject({ orgId: idSchema, id: idSchema });
const tags = ['calendar'];

/** Private ICS subscriptions: managed under /api, served publicly under /ics (no session). */
export async function icsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reader = async (request: FastifyRequest, orgId: string) => {
    const { auth } = await requireOrgPermission(deps.db, request, orgId, 'posts.read');
    return { ...actorOf(request), userId: auth.user.id, orgId };
  };

  r.post(
    '/api/orgs/:orgId/calendar/feeds',
    {
      schema: {
        tags,
        summary: 'Create a private calendar subscription address (shown once)',
        params: orgParams,
        body: createCalendarFeedSchema,
        response: { 201: createdCalendarFeedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createFeed(deps, await reader(request, request.params.orgId), request.body.label)),
  );

  r.get(
    '/api/orgs/:orgId/calendar/feeds',
    {
      schema: {
        tags,
        summary: 'Your calendar subscriptions',
        params: orgParams,
        response: { 200: z.array(calendarFeedSchema) },
      },
    },
    async (request) => listFeeds(deps, await reader(request, request.params.orgId)),
  );

  r.delete(
    '/api/orgs/:orgId/calendar/feeds/:id',
    { schema: { tags, summary: 'Revoke one of your calendar subscriptions', params: idParams } },
    async (request, reply) => {
      await revokeFeed(deps, await reader(request, request.params.orgId), request.params.id);
      return reply.code(204).send();
    },
  );

  // Outside /api: calendar apps have no session and send no CSRF token; the token is the key.
  app.get<{ Params: { file: string } }>('/ics/:file', { schema: { hide: true } }, async (request, reply) => {
    const match = /^([\w-]{20,100})\.ics$/.exec(request.params.file);
    if (!match?.[1]) throw new AppError('not_found');
    const body = await renderIcs(deps, match[1]);
    reply.header('cache-control', 'private, no-store');
    return reply.type('text/calendar; charset=utf-8').send(body);
  });
}
