import type { AdapterContext, ChannelAdapter, Published, PublishInput } from '../contract.ts';
import { connect, type StatusJson, verifyCredentials } from './connection.ts';
import { findPublished } from './find.ts';
import { fetchInbox } from './inbox.ts';
import { moderationLinks, replyTo } from './inbox-reply.ts';
import { readSettings } from './instance.ts';
import { MEDIA_POLL_DELAYS_MS, uploadImage } from './media.ts';

// Mastodon through its REST API with plain fetch. Exactly-once rests on the Idempotency-Key
// header: every part of a thread carries `<target id>:<part index>`, so a retry within the hour
// gets the parts that already exist back instead of posting them again.

export type MastodonAdapterOptions = {
  /** Waits between media status polls (tests shorten them). */
  mediaPollDelaysMs?: number[];
  timeoutMs?: number;
};

export function mastodonAdapter(options: MastodonAdapterOptions = {}): ChannelAdapter {
  const connection = (ctx: AdapterContext) => connect(ctx, options.timeoutMs);

  return {
    network: 'mastodon',

    capabilities(settings) {
      const s = readSettings(settings);
      return {
        maxChars: s.maxChars,
        counting: 'mastodon',
        maxImages: s.maxMedia,
        maxImageBytes: s.imageSizeLimit,
        altText: true,
        // MAX_DESCRIPTION_LENGTH in Mastodon's MediaAttachment model.
        maxAltChars: 1500,
        // configuration.media_attachments.video_size_limit; Mastodon sets no length limit.
        video: { maxBytes: s.videoSizeLimit, maxSeconds: null, captions: false },
        threads: true,
        contentWarning: true,
        remove: true,
        // Documented: 300 requests per 5 minutes per account (all endpoints). Publishing one post
        // takes several calls (uploads, polls, parts), so the engine's budget stays well below.
        // Uploads have their own limit of 30 per 30 minutes and deletions 30 per 30 minutes.
        rateLimit: { max: 250, windowSeconds: 300 },
        inbox: true,
        // Mastodon has no way for a post's author to hide replies under it; moderationLinks.
        hideReplies: false,
      };
    },

    async verify(ctx) {
      const conn = connection(ctx);
      const me = await verifyCredentials(conn);
      const acct = me.acct.includes('@') ? me.acct : `${me.acct}@${conn.settings.domain}`;
      return { id: me.id, handle: `@${acct}`, displayName: me.display_name || null, url: me.url ?? null };
    },

    async publish(input: PublishInput, ctx): Promise<Published> {
      const conn = connection(ctx);
      const mediaIds: string[] = [];
      // One after another: uploads count against 30 per 30 minutes, and order is the user's.
      for (const file of input.media) {
        mediaIds.push(await uploadImage(conn, file, options.mediaPollDelaysMs ?? MEDIA_POLL_DELAYS_MS));
      }
      const language = input.language ? (input.language.split(/[-_]/)[0] ?? '').toLowerCase() : undefined;
      const ids: string[] = [];
      let url: string | null = null;
      for (const [index, text] of input.parts.entries()) {
        const { body } = await conn.call<StatusJson>('/api/v1/statuses', {
          method: 'POST',
          headers: { 'idempotency-key': `${input.idempotencyKey}:${index}` },
          json: {
            status: text,
            visibility: input.visibility,
            media_ids: index === 0 && mediaIds.length > 0 ? mediaIds : undefined,
            in_reply_to_id: ids.at(-1),
            // The warning hides every part of a thread; sensitive also hides the images.
            spoiler_text: input.contentWarning ?? undefined,
            sensitive: input.contentWarning ? true : undefined,
            language: language || undefined,
          },
        });
        ids.push(body.id);
        if (index === 0) url = body.url ?? body.uri;
      }
      return { remoteId: ids[0] as string, url, parts: ids };
    },

    find(input, ctx, since) {
      return findPublished(connection(ctx), input, since);
    },

    async remove(published, ctx) {
      const conn = connection(ctx);
      const parts = published.parts.length > 0 ? published.parts : [published.remoteId];
      // Replies first, so no part is ever left answering a deleted post.
      for (const id of [...parts].reverse()) {
        await conn.call(`/api/v1/statuses/${encodeURIComponent(id)}`, { method: 'DELETE', allow: [404] });
      }
    },

    fetchInbox(cursor, ctx) {
      return fetchInbox(connection(ctx), cursor);
    },

    reply(to, input, ctx) {
      return replyTo(connection(ctx), to, input);
    },

    moderationLinks(item, ctx) {
      return moderationLinks(item, readSettings(ctx.settings));
    },
  };
}
