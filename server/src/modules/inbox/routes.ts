import {
  idSchema,
  inboxFilterSchema,
  inboxItemSchema,
  inboxPageSchema,
  inboxSettingsSchema,
  updateInboxItemSchema,
  updateInboxSettingsSchema,
} from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { fetchNow } from './fetch-job.ts';
import { inboxCounts, listInbox } from './list.ts';
import { getInboxSettings, updateInboxSettings } from './settings.ts';
import { updateInboxItem } from './update.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const idParams = z.strictObject({ orgId: idSchema, id: idSchema });
const countsSchema = z.object({ open: z.int(), overdue: z.int(), mine: z.int(), crisis: z.int() });
const tags = ['inbox'];

/** Inbox list, counts, item changes, settings and fetch-now. */
export async function inboxRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/inbox',
    {
      schema: {
        tags,
        summary: 'Comments, mentions and messages: crisis first, then newest; filtered and paged',
        params: orgParams,
        querystring: inboxFilterSchema,
        response: { 200: inboxPageSchema },
      },
    },
    async (request) => {
      const { auth } = await requireOrgPermission(deps.db, request, request.params.orgId, 'inbox.read');
      return listInbox(deps.db, request.params.orgId, auth.user.id, request.query, deps.clock());
    },
  );

  r.get(
    '/api/orgs/:orgId/inbox/counts',
    {
      schema: { tags, summary: 'Numbers for the navigation badge', params: orgParams, response: { 200: countsSchema } },
    },
    async (request) => {
      const { auth } = await requireOrgPermission(deps.db, request, request.params.orgId, 'inbox.read');
      return inboxCounts(deps.db, request.params.orgId, auth.user.id, deps.clock());
    },
  );

  r.post(
    '/api/orgs/:orgId/inbox/fetch',
    {
      schema: {
        tags,
        summary: "Fetch new items now from the organisation's channels (or one)",
        params: orgParams,
        body: z.strictObject({ channelId: idSchema.optional() }).nullish(),
        response: { 200: z.object({ fetched: z.int() }) },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'inbox.answer');
      return fetchNow(deps, request.params.orgId, request.body?.channelId);
    },
  );

  r.get(
    '/api/orgs/:orgId/inbox/settings',
    { schema: { tags, params: orgParams, response: { 200: inboxSettingsSchema } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'inbox.read');
      return getInboxSettings(deps.db, request.params.orgId);
    },
  );

  r.patch(
    '/api/orgs/:orgId/inbox/settings',
    {
      schema: {
        tags,
        summary: 'Response targets, links, poll interval and extra classifier words',
        params: orgParams,
        body: updateInboxSettingsSchema,
        response: { 200: inboxSettingsSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'inbox.settings');
      return updateInboxSettings(deps, { ...actorOf(request), orgId: request.params.orgId }, request.body);
    },
  );

  r.patch(
    '/api/orgs/:orgId/inbox/:id',
    {
      schema: {
        tags,
        summary: 'Set status, assignee or tags of an item',
        params: idParams,
        body: updateInboxItemSchema,
        response: { 200: inboxItemSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'inbox.answer');
      return updateInboxItem(
        deps,
        { ...actorOf(request), orgId: request.params.orgId },
        request.params.id,
        request.body,
      );
    },
  );
}
