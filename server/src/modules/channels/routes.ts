import {
  channelSchema,
  connectChannelSchema,
  idSchema,
  reconnectBlueskySchema,
  startMastodonResultSchema,
  startMastodonSchema,
  updateChannelSchema,
} from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission, requireSession } from '../../http/context.ts';
import { AppError, ERRORS } from '../../http/errors.ts';
import { callbackPath, finishMastodon, startMastodon } from './mastodon-connect.ts';
import {
  connectChannel,
  disconnectChannel,
  listChannels,
  reconnectBluesky,
  updateChannel,
  verifyChannel,
} from './service.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const channelParams = z.strictObject({ orgId: idSchema, id: idSchema });
const tags = ['channels'];

export async function channelRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = async (request: FastifyRequest, orgId: string) => {
    await requireOrgPermission(deps.db, request, orgId, 'channels.manage');
    return { ...actorOf(request), orgId };
  };

  r.get(
    '/api/orgs/:orgId/channels',
    {
      schema: {
        tags,
        summary: 'Connected channels with status and freshness',
        params: orgParams,
        response: { 200: z.array(channelSchema) },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'channels.read');
      return listChannels(deps, request.params.orgId);
    },
  );

  r.post(
    '/api/orgs/:orgId/channels',
    {
      schema: {
        tags,
        summary: 'Connect Bluesky (handle + app password) or a website feed; verified at the network first',
        params: orgParams,
        body: connectChannelSchema,
        response: { 201: channelSchema },
      },
    },
    async (request, reply) => {
      const actor = await manage(request, request.params.orgId);
      return reply.code(201).send(await connectChannel(deps, actor, request.body));
    },
  );

  r.post(
    '/api/orgs/:orgId/channels/mastodon/start',
    {
      schema: {
        tags,
        summary: 'Start connecting a Mastodon account: returns the instance page to authorise at',
        params: orgParams,
        body: startMastodonSchema,
        response: { 200: startMastodonResultSchema },
      },
    },
    async (request) => {
      const actor = await manage(request, request.params.orgId);
      // OAuth ends in this browser: a session, not an API token, must start it.
      const auth = requireSession(request);
      return startMastodon(deps, { ...actor, userId: auth.user.id }, request.body);
    },
  );

  r.get(
    callbackPath,
    {
      schema: {
        tags,
        summary: 'OAuth callback from the Mastodon instance (browser redirect)',
        querystring: z.object({
          state: z.string().max(200).default(''),
          code: z.string().max(500).optional(),
          error: z.string().max(500).optional(),
        }),
      },
    },
    async (request, reply) => {
      try {
        requireSession(request);
        const id = await finishMastodon(deps, actorOf(request), request.query);
        return reply.redirect(`/kanaele?verbunden=${id}`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const details = error.details as { networkMessage?: string | null } | undefined;
        const params = new URLSearchParams({
          fehler: error.code,
          meldung: details?.networkMessage ?? ERRORS[error.code][request.language],
        });
        return reply.redirect(`/kanaele?${params}`);
      }
    },
  );

  r.patch(
    '/api/orgs/:orgId/channels/:id',
    { schema: { tags, params: channelParams, body: updateChannelSchema, response: { 200: channelSchema } } },
    async (request) =>
      updateChannel(deps, await manage(request, request.params.orgId), request.params.id, request.body),
  );

  r.post(
    '/api/orgs/:orgId/channels/:id/verify',
    { schema: { tags, summary: 'Check the connection now', params: channelParams, response: { 200: channelSchema } } },
    async (request) => verifyChannel(deps, await manage(request, request.params.orgId), request.params.id),
  );

  r.post(
    '/api/orgs/:orgId/channels/:id/reconnect',
    {
      schema: {
        tags,
        summary: 'Re-connect Bluesky with a new app password (Mastodon: use mastodon/start with channelId)',
        params: channelParams,
        body: reconnectBlueskySchema,
        response: { 200: channelSchema },
      },
    },
    async (request) =>
      reconnectBluesky(deps, await manage(request, request.params.orgId), request.params.id, request.body.appPassword),
  );

  r.delete(
    '/api/orgs/:orgId/channels/:id',
    { schema: { tags, summary: 'Disconnect: credentials deleted, waiting posts cancelled', params: channelParams } },
    async (request, reply) => {
      await disconnectChannel(deps, await manage(request, request.params.orgId), request.params.id);
      return reply.code(204).send();
    },
  );
}
