import {
  markReadSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationPreferencesSchema,
  updateNotificationPreferencesSchema,
} from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { requireUser } from '../../http/context.ts';
import { listNotifications } from './list.ts';
import { markRead } from './mark-read.ts';
import { getPreferences, updatePreferences } from './preferences.ts';

const tags = ['notifications'];

// The person's own notifications across their organisations: not under /api/orgs.
export async function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema },
      },
    },
    async (request) => listNotifications(deps, requireUser(request).user.id, request.query, request.language),
  );
  r.post(
    '/api/notifications/read',
    { schema: { tags, summary: 'Mark some or all of my notifications read', body: markReadSchema } },
    async (request, reply) => {
      await markRead(deps, requireUser(request).user.id, request.body);
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Per type: e-mail at once, daily summary or off',
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => getPreferences(deps, requireUser(request).user.id),
  );
  r.put(
    '/api/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Change the delivery of some types',
        body: updateNotificationPreferencesSchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => updatePreferences(deps, requireUser(request).user.id, request.body),
  );
}
