import {
  confirmConsentRequestSchema,
  consentFormQuerySchema,
  consentRequestSchema,
  createConsentRequestSchema,
  idSchema,
  publicConsentRequestSchema,
} from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { consentFormPdf } from './consent-form.ts';
import { publicRateLimit } from './public-rate-limit.ts';
import { confirmConsentRequest, publicConsentImage, publicConsentRequest } from './public-requests.ts';
import { createConsentRequest, listConsentRequests, revokeConsentRequest } from './requests.ts';

const tags = ['consent links'];
const personParams = z.strictObject({ orgId: idSchema, personId: idSchema });
const requestParams = z.strictObject({ orgId: idSchema, requestId: idSchema });
// Any string: a malformed token is just another unknown one (404, counted as a miss).
const tokenParams = z.strictObject({ token: z.string().max(200) });

/** Consent forms (PDF) and digital consent links, with their public page's API (issue #5). */
export async function consentLinkRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = publicRateLimit(deps.clock);

  r.get(
    '/api/orgs/:orgId/people/:personId/consent-form.pdf',
    {
      schema: {
        tags,
        summary: 'A printable consent form (A4 PDF) with signature lines for who must sign',
        params: personParams,
        querystring: consentFormQuerySchema,
      },
    },
    async (request, reply) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.manage');
      const pdf = await consentFormPdf(deps, actorOf(request), orgId, personId, request.query);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="einwilligung-${request.query.purpose}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  r.get(
    '/api/orgs/:orgId/people/:personId/consent-requests',
    {
      schema: {
        tags,
        summary: 'The digital consent links sent for a person, newest first',
        params: personParams,
        response: { 200: z.object({ items: z.array(consentRequestSchema) }) },
      },
    },
    async (request) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.read');
      return listConsentRequests(deps, orgId, personId);
    },
  );

  r.post(
    '/api/orgs/:orgId/people/:personId/consent-requests',
    {
      schema: {
        tags,
        summary: 'Create a digital consent link for one signatory; the URL is in this answer only',
        params: personParams,
        body: createConsentRequestSchema,
        response: { 201: consentRequestSchema },
      },
    },
    async (request, reply) => {
      const { orgId, personId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.manage');
      const actor = { ...actorOf(request), language: request.language };
      return reply.code(201).send(await createConsentRequest(deps, actor, orgId, personId, request.body));
    },
  );

  r.post(
    '/api/orgs/:orgId/consent-requests/:requestId/revoke',
    {
      schema: {
        tags,
        summary: 'Stop an open consent link',
        params: requestParams,
        response: { 200: consentRequestSchema },
      },
    },
    async (request) => {
      const { orgId, requestId } = request.params;
      await requireOrgPermission(deps.db, request, orgId, 'people.manage');
      return revokeConsentRequest(deps, actorOf(request), orgId, requestId);
    },
  );

  /** Limits by address, and counts misses (see public-rate-limit.ts). */
  const guarded = <T>(request: FastifyRequest, run: () => Promise<T>) =>
    limit.guard(request.ip, ['consent_link_invalid'], run);

  r.get(
    '/api/public/consent-requests/:token',
    {
      schema: {
        tags,
        summary: 'What a consent link shows (public, no session)',
        params: tokenParams,
        response: { 200: publicConsentRequestSchema },
        security: [],
      },
    },
    async (request) => guarded(request, () => publicConsentRequest(deps, request.params.token)),
  );

  r.get(
    '/api/public/consent-requests/:token/image',
    { schema: { tags, summary: 'The picture, while the link is open (public)', params: tokenParams, security: [] } },
    async (request, reply) => {
      const picture = await guarded(request, () => publicConsentImage(deps, request.params.token));
      return reply.type('image/jpeg').header('cache-control', 'no-store').send(picture.bytes);
    },
  );

  r.post(
    '/api/public/consent-requests/:token/confirm',
    {
      schema: {
        tags,
        summary: 'Give the consent: records it and uses the link up (public)',
        params: tokenParams,
        body: confirmConsentRequestSchema,
        response: { 200: publicConsentRequestSchema },
        security: [],
      },
    },
    async (request) =>
      guarded(request, () => confirmConsentRequest(deps, request.ip ?? null, request.params.token, request.body)),
  );
}
