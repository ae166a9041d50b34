import { sessionSchema, setupInputSchema, setupStatusSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import { createSession, sessionView, userById } from '../auth/sessions.ts';
import { createOwnerAndOrganisation, setupNeeded } from './service.ts';

export async function setupRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'Whether the first organisation still has to be created',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ needed: await setupNeeded(deps.db) }),
  );
  r.post(
    '/api/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'Create the first organisation and its owner (only while no account exists)',
        body: setupInputSchema,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) => {
      const { userId } = await createOwnerAndOrganisation(deps.db, request.ip, request.body, { onlyIfEmpty: true });
      const session = await createSession(deps.db, userId, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        now: deps.clock(),
      });
      setSessionCookie(reply, session.token, session.expiresAt, deps.config.secureCookies);
      const user = await userById(deps.db, userId);
      return reply.code(201).send(await sessionView(deps.db, user, session.csrfToken));
    },
  );
}
