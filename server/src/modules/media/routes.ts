import type { IncomingMessage } from 'node:http';
import {
  blurMediaSchema,
  idSchema,
  mediaListQuerySchema,
  mediaListSchema,
  mediaSchema,
  updateMediaSchema,
} from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireOrgPermission, requireUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { blurMedia } from './blur-service.ts';
import { deleteMedia, listMedia, mediaInfo, updateMedia } from './library.ts';
import { mediaRow, storedBytes } from './stored-bytes.ts';
import { checkUploadType, uploadLimit, uploadMedia } from './upload.ts';
import { thumbOf } from './variants.ts';
import { MAX_VIDEO_BYTES } from './video-container.ts';

const tags = ['media'];
const orgParams = z.strictObject({ orgId: idSchema });
const mediaParams = z.strictObject({ orgId: idSchema, id: idSchema });
const uploadQuery = z.strictObject({ name: z.string().trim().min(1).max(255).optional() });

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

// Own plugin: the raw-body parser and its limits (images 15 MB, videos 100 MB, subtitles 1 MB)
// apply to these routes only.
// A media id's bytes never change (a blurred copy is a new id), so the browser may keep them:
// the calendar and the library show dozens of thumbnails per page. Private: never a shared cache.
const IMMUTABLE = 'private, max-age=31536000, immutable';

export async function mediaRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    // Every type is read as bytes here, so a wrong one gets our clear 415 (not "send JSON")
    // after the permission check, rather than Fastify's generic answer before it. JSON
    // bodies (alt text, blur) are parsed here too.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', async (request: FastifyRequest, payload: IncomingMessage) =>
      readBody(payload, uploadLimit(mediaType(request))),
    );
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/orgs/:orgId/media',
      {
        bodyLimit: MAX_VIDEO_BYTES,
        schema: {
          tags,
          summary:
            'Upload a file (raw body): image/jpeg, image/png, image/webp, image/gif, video/mp4, video/quicktime, text/vtt or application/x-subrip',
          description:
            'Images are re-encoded without metadata (EXIF, GPS, XMP, IPTC), oriented, at most 3840 px per edge (15 MB). ' +
            'Videos (MP4/MOV, 100 MB) are checked and kept. Subtitles (1 MB) are stored as WebVTT. ?name= keeps the file name.',
          params: orgParams,
          querystring: uploadQuery,
          response: { 201: mediaSchema },
        },
        // Before the body is read: a non-member's 100 MB never reach the parser.
        onRequest: async (request) => {
          const { orgId } = request.params as { orgId: string };
          if (idSchema.safeParse(orgId).success) await requireOrgPermission(deps.db, request, orgId, 'media.upload');
        },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        await requireOrgPermission(deps.db, request, orgId, 'media.upload');
        const type = mediaType(request);
        checkUploadType(type);
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (bytes.length === 0) throw new AppError('media_empty');
        const userId = requireUser(request).user.id;
        const name = request.query.name ?? null;
        return reply.code(201).send(await uploadMedia(deps, { orgId, userId, type, bytes, name }));
      },
    );
    r.get(
      '/api/orgs/:orgId/media',
      {
        schema: {
          tags,
          summary: 'The media library, newest first',
          params: orgParams,
          querystring: mediaListQuerySchema,
          response: { 200: mediaListSchema },
        },
      },
      async (request) => {
        await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
        return listMedia(deps, request.params.orgId, request.query, request.language);
      },
    );
    r.get(
      '/api/orgs/:orgId/media/:id',
      { schema: { tags, summary: 'The file’s bytes', params: mediaParams } },
      async (request, reply) => {
        await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
        const row = await mediaRow(deps.db, request.params.orgId, request.params.id);
        return reply
          .type(row.mime)
          .header('cache-control', IMMUTABLE)
          .send(await storedBytes(deps, row));
      },
    );
    r.get(
      '/api/orgs/:orgId/media/:id/thumb',
      { schema: { tags, summary: 'A preview, 400 px on the long edge (images only)', params: mediaParams } },
      async (request, reply) => {
        await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
        const row = await mediaRow(deps.db, request.params.orgId, request.params.id);
        const thumb = await thumbOf(deps, row);
        return reply.type(thumb.mime).header('cache-control', IMMUTABLE).send(thumb.bytes);
      },
    );
    r.get(
      '/api/orgs/:orgId/media/:id/info',
      { schema: { tags, summary: 'One item of the library', params: mediaParams, response: { 200: mediaSchema } } },
      async (request) => {
        await requireOrgPermission(deps.db, request, request.params.orgId, 'posts.read');
        return mediaInfo(deps, request.params.orgId, request.params.id);
      },
    );
    r.patch(
      '/api/orgs/:orgId/media/:id',
      {
        schema: {
          tags,
          summary: 'Set the alt text offered for this item',
          params: mediaParams,
          body: updateMediaSchema,
          response: { 200: mediaSchema },
        },
      },
      async (request) => {
        await requireOrgPermission(deps.db, request, request.params.orgId, 'media.upload');
        return updateMedia(deps, request.params.orgId, request.params.id, request.body);
      },
    );
    r.post(
      '/api/orgs/:orgId/media/:id/blur',
      {
        schema: {
          tags,
          summary: 'A new, blurred copy of an image (rectangles as fractions of its size)',
          params: mediaParams,
          body: blurMediaSchema,
          response: { 201: mediaSchema },
        },
      },
      async (request, reply) => {
        const { orgId, id } = request.params;
        const { auth } = await requireOrgPermission(deps.db, request, orgId, 'media.upload');
        const created = await blurMedia(deps, { orgId, id, userId: auth.user.id, rects: request.body.rects });
        return reply.code(201).send(created);
      },
    );
    r.delete(
      '/api/orgs/:orgId/media/:id',
      { schema: { tags, summary: 'Delete a file no post uses', params: mediaParams } },
      async (request, reply) => {
        const { orgId, id } = request.params;
        const { auth, roles } = await requireOrgPermission(deps.db, request, orgId, 'posts.read');
        await deleteMedia(deps, { userId: auth.user.id, roles }, orgId, id);
        return reply.code(204).send();
      },
    );
  });
}
