import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { type FeedFormat, FORMATS, RENDERERS } from './formats.ts';
import { ITEM_PAGE_CSP, renderItemPage } from './item-page.ts';
import { feedVersion, findFeedItem, findFeedMedia, listFeedItems, loadFeedChannel } from './service.ts';

const FEED_CACHE = 'public, max-age=300';
// A day, not a year: once a consent is withdrawn the image is gone here, and caches should
// not keep showing it for long. The bytes behind an id never change, so revalidation is cheap.
const MEDIA_CACHE = 'public, max-age=86400';

type ChannelParams = { channelId: string };

function matches(request: FastifyRequest, etag: string): boolean {
  const sent = request.headers['if-none-match'];
  if (!sent) return false;
  return sent.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** Readable by website JavaScript on any origin, and embeddable as <img> anywhere. */
function publicHeaders(reply: FastifyReply, cacheControl: string, etag: string) {
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  reply.header('cache-control', cacheControl);
  reply.header('etag', etag);
}

/**
 * The website feeds: public, outside /api, so no session is looked at. Every answer is read
 * from the published post targets of one live feed channel, scoped to its organisation.
 */
export async function feedRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db } = deps;
  const hidden = { schema: { hide: true } };

  for (const [format, { file, type }] of Object.entries(FORMATS) as [FeedFormat, (typeof FORMATS)[FeedFormat]][]) {
    app.get<{ Params: ChannelParams }>(`/feeds/:channelId/${file}`, hidden, async (request, reply) => {
      const channel = await loadFeedChannel(db, request.params.channelId);
      const version = await feedVersion(db, channel);
      const etag = `"${createHash('sha256').update(`${format}\n${version}`).digest('base64url').slice(0, 27)}"`;
      publicHeaders(reply, FEED_CACHE, etag);
      if (matches(request, etag)) return reply.code(304).send();
      const items = await listFeedItems(db, channel);
      const body = RENDERERS[format]({ channel, items, publicUrl: deps.config.publicUrl });
      return reply.type(type).send(body);
    });
  }

  app.get<{ Params: ChannelParams & { targetId: string } }>(
    '/feeds/:channelId/items/:targetId',
    hidden,
    async (request, reply) => {
      const channel = await loadFeedChannel(db, request.params.channelId);
      const item = await findFeedItem(db, channel, request.params.targetId);
      reply.header('content-security-policy', ITEM_PAGE_CSP);
      reply.header('cache-control', FEED_CACHE);
      return reply.type('text/html; charset=utf-8').send(renderItemPage(channel, item));
    },
  );

  // The name may carry the extension the feeds link with (…/media/<id>.jpeg).
  app.get<{ Params: ChannelParams & { file: string } }>(
    '/feeds/:channelId/media/:file',
    hidden,
    async (request, reply) => {
      const channel = await loadFeedChannel(db, request.params.channelId);
      const mediaId = request.params.file.replace(/\.[a-z0-9.+-]{1,20}$/i, '');
      const image = await findFeedMedia(db, channel, mediaId);
      const etag = `"${mediaId}"`;
      publicHeaders(reply, MEDIA_CACHE, etag);
      if (matches(request, etag)) return reply.code(304).send();
      return reply.type(image.mime).send(image.bytes);
    },
  );
}
