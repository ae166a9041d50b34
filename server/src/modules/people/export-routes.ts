import { idSchema, personExportSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { personExport } from './export.ts';
import { personExportPdf } from './export-pdf.ts';
import { orgDay } from './org-day.ts';

const tags = ['people'];
const personParams = z.strictObject({ orgId: idSchema, personId: idSchema });

/** Never kept by a browser or proxy: the export is the most sensitive page nahbar serves. */
const NO_STORE = 'no-store';

export async function exportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/people/:personId/export.json',
    {
      schema: {
        tags,
        summary: 'Everything nahbar holds about a person (privacy officers; audited)',
        params: personParams,
        response: { 200: personExportSchema },
      },
    },
    async (request, reply) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'privacy.officer');
      const actor = { ...actorOf(request), orgId, language: request.language };
      const data = await personExport(deps, actor, personId, 'json');
      return reply
        .header('cache-control', NO_STORE)
        .header('content-disposition', `attachment; filename="auskunft-${personId.slice(0, 8)}.json"`)
        .send(data);
    },
  );

  r.get(
    '/api/orgs/:orgId/people/:personId/export.pdf',
    {
      schema: { tags, summary: 'The same export as a readable PDF (privacy officers; audited)', params: personParams },
    },
    async (request, reply) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'privacy.officer');
      const actor = { ...actorOf(request), orgId, language: request.language };
      const data = await personExport(deps, actor, personId, 'pdf');
      const { timeZone } = await orgDay(deps.db, orgId, deps.clock());
      const pdf = await personExportPdf(data, { language: request.language, timeZone });
      return reply
        .type('application/pdf')
        .header('cache-control', NO_STORE)
        .header('content-disposition', `attachment; filename="auskunft-${personId.slice(0, 8)}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
}
