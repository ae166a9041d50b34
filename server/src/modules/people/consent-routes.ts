import { consentSchema, createConsentSchema, idSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { createConsent, listConsents } from './consent-service.ts';

const tags = ['people'];
const personParams = z.strictObject({ orgId: idSchema, personId: idSchema });

export async function consentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/people/:personId/consents',
    {
      schema: {
        tags,
        summary: 'A person’s consents, newest first, with today’s status',
        params: personParams,
        response: { 200: z.object({ items: z.array(consentSchema) }) },
      },
    },
    async (request) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.read');
      return listConsents(deps, orgId, personId);
    },
  );

  r.post(
    '/api/orgs/:orgId/people/:personId/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent (purpose, scope, validity, who gave it)',
        params: personParams,
        body: createConsentSchema,
        response: { 201: consentSchema },
      },
    },
    async (request, reply) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.manage');
      const actor = { ...actorOf(request), orgId, language: request.language };
      return reply.code(201).send(await createConsent(deps, actor, personId, request.body));
    },
  );
}
