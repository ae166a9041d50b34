import { auditPageSchema, auditQuerySchema, idSchema, outboxMailSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireOrgPermission } from '../../http/context.ts';
import { listOutbox } from '../mail/mailer.ts';
import { listAudit } from './service.ts';

const orgParams = z.strictObject({ orgId: idSchema });

export async function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/orgs/:orgId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The organisation’s audit log, newest first (admins)',
        params: orgParams,
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'audit.read');
      return listAudit(deps.db, request.params.orgId, request.query);
    },
  );
  r.get(
    '/api/orgs/:orgId/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'E-mails kept in the outbox (admins)',
        params: orgParams,
        response: { 200: z.array(outboxMailSchema) },
      },
    },
    async (request) => {
      const { auth } = await requireOrgPermission(deps.db, request, request.params.orgId, 'outbox.read');
      return listOutbox(deps.db, request.params.orgId, auth.user.instanceAdmin);
    },
  );
}
