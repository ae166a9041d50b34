import {
  calendarQuerySchema,
  calendarSchema,
  channelSlotsSchema,
  idSchema,
  movePostSchema,
  postSchema,
  putPostingSlotsSchema,
} from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { getCalendar } from './calendar.ts';
import { icsRoutes } from './ics-routes.ts';
import { movePost } from './move.ts';
import { seriesRoutes } from './series-routes.ts';
import { getSlots, putSlots } from './slots.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const channelParams = z.strictObject({ orgId: idSchema, channelId: idSchema });
const idParams = z.strictObject({ orgId: idSchema, id: idSchema });
const tags = ['calendar'];

/** Calendar, posting slots, Rubriken and ICS subscriptions (issue #4). */
export async function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/calendar',
    {
      schema: {
        tags,
        summary: 'Posts, gaps and posting slots in a window of at most 100 days (organisation time zone)',
        params: orgParams,
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema },
      },
      // The schema documents the answer; checking hundreds of entries against it on every call
      // cost more than reading them (6 of ~25 ms). getCalendar's return type is Calendar, and
      // the integration tests parse real answers with calendarSchema.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return getCalendar(deps, request.params.orgId, request.query, request.language);
    },
  );

  r.get(
    '/api/orgs/:orgId/channels/:channelId/slots',
    {
      schema: {
        tags,
        summary: 'A channel’s posting slots',
        params: channelParams,
        response: { 200: channelSlotsSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
      return getSlots(deps, request.params.orgId, request.params.channelId);
    },
  );

  r.put(
    '/api/orgs/:orgId/channels/:channelId/slots',
    {
      schema: {
        tags,
        summary: 'Replace a channel’s posting slots (the queue fills them)',
        params: channelParams,
        body: putPostingSlotsSchema,
        response: { 200: channelSlotsSchema },
      },
    },
    async (request) => {
      const { orgId, channelId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'plan.manage');
      return putSlots(deps, { ...actorOf(request), orgId }, channelId, request.body.slots);
    },
  );

  r.post(
    '/api/orgs/:orgId/posts/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a post’s movable targets (and a draft’s planned time) to another time',
        params: idParams,
        body: movePostSchema,
        response: { 200: postSchema },
      },
    },
    async (request) => {
      const { orgId, id } = request.params;
      const { roles } = await requireOrgPermission(deps.db, request, orgId, 'posts.draft');
      return movePost(deps, { ...actorOf(request), orgId, roles, language: request.language }, id, request.body.at);
    },
  );

  await seriesRoutes(app, deps);
  await icsRoutes(app, deps);
}
