import type { Capabilities } from '../contract.ts';

// What Bluesky takes, kept apart from the adapter so the registry can answer it without
// loading @atproto/api (the adapter itself is loaded with the first call).

/** Bluesky refuses image blobs over 1 000 000 bytes. */
export const MAX_IMAGE_BYTES = 1_000_000;

export const BLUESKY_CAPABILITIES: Capabilities = {
  maxChars: 300,
  counting: 'graphemes',
  maxImages: 4,
  maxImageBytes: MAX_IMAGE_BYTES,
  altText: true,
  // The official app's limit (the lexicon itself sets none).
  maxAltChars: 2000,
  // app.bsky.embed.video: up to 100 MB and 3 minutes, with WebVTT captions per language.
  video: { maxBytes: 100_000_000, maxSeconds: 180, captions: true },
  threads: true,
  // Self-labels are not content warnings with a text; the composer must not offer one.
  contentWarning: false,
  remove: true,
  // PDS write limit: 5000 points per hour, a create costs 3.
  rateLimit: { max: 1666, windowSeconds: 3600 },
  // Replies and mentions; direct messages are not fetched (see inbox.ts).
  inbox: true,
  hideReplies: true,
};
