import { apiTokenSchema, createApiTokenSchema, createdApiTokenSchema, idSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireSession } from '../../http/context.ts';
import { createToken, listTokens, revokeToken } from './service.ts';

const tags = ['tokens'];

// Managing tokens needs a browser session: a leaked token must not mint more tokens.
export async function tokenRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/tokens',
    { schema: { tags, summary: 'My personal API tokens', response: { 200: z.array(apiTokenSchema) } } },
    async (request) => listTokens(deps, requireSession(request).user.id),
  );
  r.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Create a token; the plain value is returned only now',
        body: createApiTokenSchema,
        response: { 201: createdApiTokenSchema },
      },
    },
    async (request, reply) => {
      const auth = requireSession(request);
      return reply.code(201).send(await createToken(deps, { ...actorOf(request), userId: auth.user.id }, request.body));
    },
  );
  r.delete(
    '/api/tokens/:id',
    { schema: { tags, params: z.strictObject({ id: idSchema }) } },
    async (request, reply) => {
      const auth = requireSession(request);
      await revokeToken(deps, { ...actorOf(request), userId: auth.user.id }, request.params.id);
      return reply.code(204).send();
    },
  );
}
