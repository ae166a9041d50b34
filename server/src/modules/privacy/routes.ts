import { idSchema, piiCategorySchema, privacySettingsSchema, updatePrivacySettingsSchema } from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { loadPiiContext } from './pii-context.ts';
import { loadPrivacySettings } from './settings.ts';
import { updatePrivacySettings } from './settings-service.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const piiContextSchema = z.object({
  names: z.array(z.object({ personId: idSchema, name: z.string() })),
  sensitiveWords: z.array(z.string()),
  piiBlocking: z.array(piiCategorySchema),
});
const tags = ['privacy'];

/** Privacy settings (age rules, PII check) and the composer's PII context (issue #5). */
export async function privacyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/privacy-settings',
    {
      schema: {
        tags,
        summary: 'Age rules for consents and the PII text check (the defaults until changed)',
        params: orgParams,
        response: { 200: privacySettingsSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'people.read');
      return loadPrivacySettings(deps.db, request.params.orgId);
    },
  );

  r.put(
    '/api/orgs/:orgId/privacy-settings',
    {
      schema: {
        tags,
        summary: 'Change the age rules, the blocking PII categories or the own sensitive words',
        description: '422 input_invalid when the guardians-only age would be above the adult age.',
        params: orgParams,
        body: updatePrivacySettingsSchema,
        response: { 200: privacySettingsSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'privacy.settings');
      const actor = { ...actorOf(request), orgId: request.params.orgId, language: request.language };
      return updatePrivacySettings(deps, actor, request.body);
    },
  );

  r.get(
    '/api/orgs/:orgId/privacy/pii-context',
    {
      schema: {
        tags,
        summary: "What the composer's PII check needs: register names (and guardians'), own words, blocking categories",
        params: orgParams,
        response: { 200: piiContextSchema },
      },
    },
    async (request) => {
      await requireAnyPermission(deps, request, request.params.orgId);
      return loadPiiContext(deps.db, request.params.orgId);
    },
  );
}

/** Writers of posts check their texts; readers of the register (approvers) check others'. */
async function requireAnyPermission(deps: Deps, request: FastifyRequest, orgId: string): Promise<void> {
  try {
    await requireOrgPermission(deps.db, request, orgId, 'posts.draft');
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
    await requireOrgPermission(deps.db, request, orgId, 'people.read');
  }
}
