import type { IncomingMessage } from 'node:http';
import { idSchema, mediaSchema } from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireOrgPermission, requireUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { ACCEPTED_TYPES, isAcceptedType, MAX_UPLOAD_BYTES } from './image-pipeline.ts';
import { readMedia, uploadMedia } from './service.ts';

const tags = ['media'];
const orgParams = z.strictObject({ orgId: idSchema });
const mediaParams = z.strictObject({ orgId: idSchema, id: idSchema });

/** The raw body up to the limit; a larger one is refused as soon as it is known to be. */
async function readBody(payload: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(payload.headers['content-length']);
  if (declared > limit) throw new AppError('media_too_large', { maxBytes: limit });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('media_too_large', { maxBytes: limit });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

// Own plugin: the image body parser and its 15 MB limit apply to these routes only.
export async function mediaRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    // Every type is read as bytes here, so a wrong one gets our clear 415 (not "send JSON")
    // after the permission check, rather than Fastify's generic answer before it.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', async (_request: FastifyRequest, payload: IncomingMessage) =>
      readBody(payload, MAX_UPLOAD_BYTES),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/orgs/:orgId/media',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags,
          summary: 'Upload an image (raw body: image/jpeg, image/png, image/webp or image/gif)',
          description: 'Re-encoded without metadata (EXIF, GPS, XMP, IPTC), oriented, at most 4096 px per edge.',
          params: orgParams,
          response: { 201: mediaSchema },
        },
        // Before the body is read: a non-member's 15 MB never reach the decoder.
        onRequest: async (request) => {
          const { orgId } = request.params as { orgId: string };
          if (idSchema.safeParse(orgId).success) await requireOrgPermission(deps.db, request, orgId, 'media.upload');
        },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        await requireOrgPermission(deps.db, request, orgId, 'media.upload');
        const type = mediaType(request);
        if (!isAcceptedType(type)) {
          throw new AppError('media_type_unsupported', {
            received: type || null,
            accepted: Object.keys(ACCEPTED_TYPES),
          });
        }
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (bytes.length === 0) throw new AppError('media_empty');
        const userId = requireUser(request).user.id;
        return reply.code(201).send(await uploadMedia(deps, { orgId, userId, type, bytes }));
      },
    );
    r.get(
      '/api/orgs/:orgId/media/:id',
      { schema: { tags, summary: 'The image’s bytes', params: mediaParams } },
      async (request, reply) => {
        await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
        const { mime, bytes } = await readMedia(deps, request.params.orgId, request.params.id);
        return reply.type(mime).send(bytes);
      },
    );
  });
}
