import {
  consentCheckResultSchema,
  consentCheckSchema,
  idSchema,
  withdrawalResultSchema,
  withdrawConsentSchema,
} from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { checkDraft, checkPost } from './consent-check.ts';
import { withdrawConsent } from './withdraw.ts';

const tags = ['consent'];

/** The gate as the composer and the post page ask it, and the withdrawal of a consent. */
export async function checkRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/orgs/:orgId/consent-check',
    {
      schema: {
        tags,
        summary: 'The consent gate for an unsaved draft: one result per channel at the publish moment',
        params: z.strictObject({ orgId: idSchema }),
        body: consentCheckSchema,
        response: { 200: consentCheckResultSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'people.read');
      return checkDraft(deps, request.params.orgId, request.body);
    },
  );

  r.get(
    '/api/orgs/:orgId/posts/:postId/consent',
    {
      schema: {
        tags,
        summary: 'The consent gate for a saved post: each channel at its due time (now when unscheduled)',
        params: z.strictObject({ orgId: idSchema, postId: idSchema }),
        response: { 200: consentCheckResultSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'people.read');
      return checkPost(deps, request.params.orgId, request.params.postId);
    },
  );

  r.post(
    '/api/orgs/:orgId/consents/:consentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Record a withdrawal: holds scheduled posts, takes published ones down (409 if already withdrawn)',
        params: z.strictObject({ orgId: idSchema, consentId: idSchema }),
        body: withdrawConsentSchema,
        response: { 200: withdrawalResultSchema },
      },
    },
    async (request) => {
      const { orgId, consentId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.manage');
      return withdrawConsent(deps, { ...actorOf(request), orgId, language: request.language }, consentId, request.body);
    },
  );
}
