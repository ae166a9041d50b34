import { faceProposalsSchema, idSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireOrgPermission } from '../../http/context.ts';
import { proposeFaces } from './service.ts';

const params = z.strictObject({ orgId: idSchema, mediaId: idSchema });

/** Offline face proposals for tagging and blurring (issue #5). */
export async function faceRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/orgs/:orgId/media/:mediaId/faces',
    {
      schema: {
        tags: ['people'],
        summary: 'Proposed face boxes in an image (fractions of its size), found on this server',
        description:
          'A proposal to tag or blur, never a decision: "faces: []" does not mean nobody is in the picture. ' +
          'Nothing is stored. Images only (422 faces_need_image otherwise). No request body.',
        params,
        response: { 200: faceProposalsSchema },
      },
    },
    async (request) => {
      const { orgId, mediaId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'media.tag');
      return proposeFaces(deps, orgId, mediaId);
    },
  );
}
