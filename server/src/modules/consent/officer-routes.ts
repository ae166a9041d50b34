import { idSchema, privacyDashboardSchema, takedownReportSchema, takedownTaskSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { privacyDashboard } from './dashboard.ts';
import { erasePerson } from './erase-person.ts';
import { markManualDone, takedownReport } from './takedowns.ts';

const tags = ['consent'];
const orgParams = z.strictObject({ orgId: idSchema });

/** The privacy officer's part: erasure, the takedown report, the dashboard. */
export async function officerRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.delete(
    '/api/orgs/:orgId/people/:personId',
    {
      schema: {
        tags,
        summary: 'Erase a person: withdraw their consents (with takedowns), delete consents, links, tags, evidence',
        params: z.strictObject({ orgId: idSchema, personId: idSchema }),
      },
    },
    async (request, reply) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'privacy.officer');
      await erasePerson(deps, { ...actorOf(request), orgId }, personId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/orgs/:orgId/takedowns',
    {
      schema: {
        tags,
        summary: 'Takedown report: what withdrawals stopped and removed, where and when; newest first',
        params: orgParams,
        response: { 200: takedownReportSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'privacy.officer');
      return takedownReport(deps, request.params.orgId);
    },
  );

  r.post(
    '/api/orgs/:orgId/takedowns/:taskId/done',
    {
      schema: {
        tags,
        summary: 'A manual takedown was done by hand at the network',
        params: z.strictObject({ orgId: idSchema, taskId: idSchema }),
        response: { 200: takedownTaskSchema },
      },
    },
    async (request) => {
      const { orgId, taskId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'privacy.officer');
      return markManualDone(deps, { ...actorOf(request), orgId }, taskId);
    },
  );

  r.get(
    '/api/orgs/:orgId/privacy/dashboard',
    {
      schema: {
        tags,
        summary: 'Privacy dashboard: consents ending soon, posts the gate blocks, withdrawals, pending takedowns',
        params: orgParams,
        response: { 200: privacyDashboardSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'privacy.officer');
      return privacyDashboard(deps, request.params.orgId);
    },
  );
}
