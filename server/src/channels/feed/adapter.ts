import { graphemeCount } from '@nahbar/common';
import {
  type AdapterContext,
  type Capabilities,
  type ChannelAdapter,
  type Published,
  type PublishInput,
  RejectedError,
} from '../contract.ts';
import { parseFeedSettings } from './settings.ts';

const CAPABILITIES: Capabilities = {
  maxChars: 5000,
  counting: 'graphemes',
  maxImages: 4,
  maxImageBytes: 15 * 1024 * 1024,
  altText: true,
  maxAltChars: 2000,
  // The website feed carries images only.
  video: null,
  threads: false,
  contentWarning: false,
  remove: true,
  // Nothing remote to protect: the feed lives in nahbar and is read from the database.
  rateLimit: { max: 10_000, windowSeconds: 60 },
  // A feed has no comments.
  inbox: false,
  hideReplies: false,
};

/** The public page of one item; the item id is the post target id. */
export function feedItemUrl(publicUrl: string, channelId: string, targetId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/feeds/${channelId}/items/${targetId}`;
}

function settingsOf(ctx: AdapterContext) {
  const settings = parseFeedSettings(ctx.settings);
  if (!settings) throw new RejectedError('feed settings are incomplete (title, siteUrl, language)');
  return settings;
}

/**
 * The organisation's website feed. The post target row is the record: publishing only hands
 * back the item's address (the engine then marks it published and the feed lists it), and a
 * takedown is the engine setting the target to taken_down. Hence idempotent by construction.
 */
export function feedAdapter(): ChannelAdapter {
  const published = (input: PublishInput, ctx: AdapterContext): Published => ({
    remoteId: input.idempotencyKey,
    url: feedItemUrl(ctx.publicUrl, ctx.channelId, input.idempotencyKey),
    parts: [input.idempotencyKey],
  });

  return {
    network: 'feed',
    capabilities: () => ({ ...CAPABILITIES, rateLimit: { ...CAPABILITIES.rateLimit } }),

    async verify(ctx) {
      const settings = settingsOf(ctx);
      return {
        id: ctx.channelId,
        handle: new URL(settings.siteUrl).host,
        displayName: settings.title,
        url: settings.siteUrl,
      };
    },

    async publish(input, ctx) {
      settingsOf(ctx);
      // The engine joins parts for networks without threads; join again in case it did not.
      const text = input.parts.join('\n\n');
      if (graphemeCount(text) > CAPABILITIES.maxChars) {
        throw new RejectedError(`text longer than ${CAPABILITIES.maxChars} characters`);
      }
      if (input.media.length > CAPABILITIES.maxImages) {
        throw new RejectedError(`more than ${CAPABILITIES.maxImages} images`);
      }
      return published(input, ctx);
    },

    // Only asked for targets the engine was publishing; the row itself is the feed entry.
    async find(input, ctx) {
      return published(input, ctx);
    },

    // The feed stops listing a target once its state is taken_down; nothing lives elsewhere.
    async remove() {},
  };
}
