import { z } from 'zod';
import { idSchema, languageSchema, nameSchema } from './common.ts';

export const NETWORKS = ['bluesky', 'mastodon', 'feed'] as const;
export const networkIdSchema = z.enum(NETWORKS);
export type NetworkId = z.infer<typeof networkIdSchema>;

/** connected; needs_reconnect (credentials refused); failing (recent publishes failed). */
export const CHANNEL_STATUSES = ['connected', 'needs_reconnect', 'failing', 'disconnected'] as const;
export const channelStatusSchema = z.enum(CHANNEL_STATUSES);
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

const isoDate = z.iso.datetime({ offset: true });
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .transform((u) => u.replace(/\/+$/, ''));

export const channelSchema = z.object({
  id: idSchema,
  network: networkIdSchema,
  name: z.string(),
  account: z.object({
    id: z.string().nullable(),
    handle: z.string().nullable(),
    displayName: z.string().nullable(),
    url: z.string().nullable(),
  }),
  status: channelStatusSchema,
  /** The network's own words when something went wrong. */
  statusMessage: z.string().nullable(),
  statusAt: isoDate.nullable(),
  lastPublishedAt: isoDate.nullable(),
  lastVerifiedAt: isoDate.nullable(),
  targetIntervalDays: z.int(),
  /** Inbox polling for this channel; null: the organisation's interval. */
  inboxPollMinutes: z.int().nullable(),
  /** "stale": silent longer than its target interval — an unkept page is worse than none. */
  freshness: z.enum(['fresh', 'stale', 'never']),
  limits: z.object({
    maxChars: z.int(),
    counting: z.enum(['graphemes', 'mastodon']),
    maxImages: z.int(),
    maxImageBytes: z.int(),
    maxAltChars: z.int(),
    video: z.object({ maxBytes: z.int(), maxSeconds: z.int().nullable(), captions: z.boolean() }).nullable(),
    threads: z.boolean(),
    contentWarning: z.boolean(),
  }),
  /** Website feed: the public addresses. */
  feed: z.object({ rss: z.string(), atom: z.string(), json: z.string(), siteUrl: z.string() }).nullable(),
  createdAt: isoDate,
});
export type Channel = z.infer<typeof channelSchema>;

export const connectBlueskySchema = z.strictObject({
  network: z.literal('bluesky'),
  /** handle.bsky.social or a custom domain handle; a leading @ is fine. */
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .transform((h) => h.replace(/^@/, ''))
    .pipe(z.string().min(3).max(253)),
  appPassword: z.string().trim().min(1).max(100),
  /** A PDS other than bsky.social. */
  service: httpUrl.optional(),
  name: nameSchema.optional(),
});

export const connectFeedSchema = z.strictObject({
  network: z.literal('feed'),
  title: nameSchema,
  siteUrl: httpUrl,
  description: z.string().trim().max(500).optional(),
  language: languageSchema.default('de'),
});

export const connectChannelSchema = z.discriminatedUnion('network', [connectBlueskySchema, connectFeedSchema]);
export type ConnectChannelInput = z.input<typeof connectChannelSchema>;

/** Mastodon connects through OAuth: this starts it and returns the page to send the user to. */
export const startMastodonSchema = z.strictObject({
  instanceUrl: z
    .string()
    .trim()
    .toLowerCase()
    .transform((u) => (/^https?:\/\//.test(u) ? u : `https://${u}`))
    .pipe(httpUrl),
  /** Re-connect an existing channel instead of adding one. */
  channelId: idSchema.optional(),
});
export const startMastodonResultSchema = z.object({ authorizeUrl: z.string() });

export const updateChannelSchema = z.strictObject({
  name: nameSchema.optional(),
  targetIntervalDays: z.int().min(1).max(365).optional(),
  inboxPollMinutes: z.int().min(1).max(1440).nullable().optional(),
});

/** Re-connect with new credentials (Bluesky app password); Mastodon re-connects via OAuth. */
export const reconnectBlueskySchema = z.strictObject({
  appPassword: z.string().trim().min(1).max(100),
});
