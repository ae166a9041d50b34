import type { IncomingMessage } from 'node:http';
import { consentSchema, idSchema } from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { MAX_EVIDENCE_BYTES, putEvidence, readEvidence } from './evidence.ts';

const tags = ['people'];
const consentParams = z.strictObject({ orgId: idSchema, consentId: idSchema });
const uploadQuery = z.strictObject({ name: z.string().trim().min(1).max(255).optional() });

async function readBody(payload: IncomingMessage): Promise<Buffer> {
  const tooLarge = () => new AppError('body_too_large', { maxBytes: MAX_EVIDENCE_BYTES });
  if (Number(payload.headers['content-length']) > MAX_EVIDENCE_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > MAX_EVIDENCE_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

// Own plugin: raw bodies of any declared type (the bytes decide, evidence.ts) on this route only.
export async function evidenceRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', async (_request: unknown, payload: IncomingMessage) => readBody(payload));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.put(
      '/api/orgs/:orgId/consents/:consentId/evidence',
      {
        bodyLimit: MAX_EVIDENCE_BYTES + 1,
        schema: {
          tags,
          summary: 'Attach the signed form (raw body: PDF, JPEG or PNG, at most 15 MB); stored encrypted',
          params: consentParams,
          querystring: uploadQuery,
          response: { 200: consentSchema },
        },
        // Before the body is read: a non-member's 15 MB never reach the parser.
        onRequest: async (request) => {
          const { orgId } = request.params as { orgId: string };
          if (idSchema.safeParse(orgId).success) await requireOrgPermission(deps.db, request, orgId, 'people.manage');
        },
      },
      async (request) => {
        const { orgId, consentId } = request.params;
        await requireOrgPermission(deps.db, request, orgId, 'people.manage');
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const actor = { ...actorOf(request), orgId, language: request.language };
        return putEvidence(deps, actor, consentId, { bytes, name: request.query.name ?? null });
      },
    );

    r.get(
      '/api/orgs/:orgId/consents/:consentId/evidence',
      {
        schema: {
          tags,
          summary: 'The evidence file (privacy officers only; every view is audited)',
          params: consentParams,
        },
      },
      async (request, reply) => {
        const { orgId, consentId } = request.params;
        await requireOrgPermission(deps.db, request, orgId, 'privacy.officer');
        const actor = { ...actorOf(request), orgId, language: request.language };
        const file = await readEvidence(deps, actor, consentId);
        return reply
          .type(file.mime)
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.bytes);
      },
    );
  });
}
