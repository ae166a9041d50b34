import type { NetworkId } from '@nahbar/common';

// One contract every network implements. The engine never knows which network it talks to;
// it calls these methods through the registry and reacts to the three typed errors.

/** What a network can do and how it counts; the composer and the engine read these. */
export type Capabilities = {
  /** Characters per post (per part of a thread). */
  maxChars: number;
  /** How the limit is counted: Bluesky counts graphemes, Mastodon counts URLs as 23. */
  counting: 'graphemes' | 'mastodon';
  maxImages: number;
  /** Image bytes per file the network accepts. */
  maxImageBytes: number;
  altText: boolean;
  /** Longest alt text the network keeps. */
  maxAltChars: number;
  /** Video the network takes (one per post, instead of images); null: none. */
  video: VideoLimits | null;
  threads: boolean;
  contentWarning: boolean;
  remove: boolean;
  /** Writes per window the network documents; the engine stays below them per channel. */
  rateLimit: { max: number; windowSeconds: number };
  /** fetchInbox and reply exist. */
  inbox: boolean;
  /** hide exists (replies under our posts can be hidden at the network). */
  hideReplies: boolean;
};

export type VideoLimits = {
  maxBytes: number;
  /** null: the network documents no length limit. */
  maxSeconds: number | null;
  /** A subtitle file (WebVTT) can go with the video. */
  captions: boolean;
};

/** Who the connected account is, as the network says. */
export type AccountInfo = {
  /** Stable id at the network (DID, Mastodon account id, feed id). */
  id: string;
  handle: string;
  displayName: string | null;
  url: string | null;
};

export type MediaFile = {
  id: string;
  mime: string;
  bytes: Buffer;
  alt: string;
  width: number;
  height: number;
  /** Absent or "image": an image. A post carries either images or exactly one video. */
  kind?: 'image' | 'video';
  /** Videos only. */
  durationMs?: number | null;
  /** Videos only: WebVTT subtitles and their language. */
  captions?: { bytes: Buffer; lang: string } | null;
};

/** What to publish: one target of a post, with its text already adapted to this channel. */
export type PublishInput = {
  /** The post target's id; adapters derive their idempotency from it. */
  idempotencyKey: string;
  /** Parts of a thread in order; one element for a plain post. */
  parts: string[];
  /** Images attach to the first part. */
  media: MediaFile[];
  language: string | null;
  contentWarning: string | null;
  visibility: 'public' | 'unlisted' | 'private';
  /** When the post was first scheduled to appear; feeds use it as the item date. */
  createdAt: Date;
};

/** A published post at the network. `parts` holds every record of a thread (for delete). */
export type Published = {
  remoteId: string;
  url: string | null;
  parts: string[];
};

/** Credentials as stored (sealed at rest); each adapter defines its own shape. */
export type Credentials = Record<string, string>;

export type AdapterContext = {
  /** Decrypted credentials, only inside the job or request that uses them. */
  credentials: Credentials;
  /** Channel settings that are not secret (feed title, Mastodon instance limits). */
  settings: Record<string, unknown>;
  /** The channel's id, so adapters that keep state (the feed) can scope it. */
  channelId: string;
  /** nahbar's own public address (feed item links, OAuth redirects). */
  publicUrl: string;
  signal?: AbortSignal;
};

export interface ChannelAdapter {
  network: NetworkId;
  capabilities(settings: Record<string, unknown>): Capabilities;
  /** On connect and for health checks. Throws AuthError when the credentials no longer work. */
  verify(ctx: AdapterContext): Promise<AccountInfo>;
  /** Must honour input.idempotencyKey: a second call with the same key returns the first post. */
  publish(input: PublishInput, ctx: AdapterContext): Promise<Published>;
  /**
   * After a crash: is this post already at the network? `since` is when the lost attempt
   * started; networks without a lookup by key (Mastodon) search the account's posts since then.
   */
  find(input: PublishInput, ctx: AdapterContext, since: Date): Promise<Published | null>;
  /** Takedown. Removing something already gone is not an error. */
  remove(published: Published, ctx: AdapterContext): Promise<void>;

  // Community inbox (optional: networks without comments, like the feed, leave them out).
  /** Replies to our posts, mentions and direct messages newer than `cursor`, oldest first. */
  fetchInbox?(cursor: string | null, ctx: AdapterContext): Promise<InboxPage>;
  /** Answer an item, threaded correctly at the network; honours input.idempotencyKey. */
  reply?(to: InboxRef, input: PublishInput, ctx: AdapterContext): Promise<Published>;
  /** Hide a reply under our post where the network allows it (Bluesky hidden replies). */
  hide?(item: InboxRef, ctx: AdapterContext): Promise<void>;
  /** Where a person can mute, block or report the author when the network offers no API for it. */
  moderationLinks?(item: InboxRef & { authorHandle: string }, ctx: AdapterContext): ModerationLinks;
}

/** One comment, mention or direct message as the network delivered it. */
export type InboxEntry = {
  /** Stable id at the network (AT-URI, Mastodon status id). */
  remoteId: string;
  kind: 'reply' | 'mention' | 'message';
  url: string | null;
  text: string;
  author: { id: string; handle: string; displayName: string | null; url: string | null };
  createdAt: Date;
  /** The thread's first post and the post this one answers (remote ids), to link our post. */
  rootRemoteId: string | null;
  parentRemoteId: string | null;
  /** Direct messages: the conversation they belong to. */
  conversationId: string | null;
  /** The network's own record, kept as evidence. */
  raw: Record<string, unknown>;
};

export type InboxPage = { entries: InboxEntry[]; cursor: string | null };

/** What reply/hide need to address an item. */
export type InboxRef = {
  remoteId: string;
  rootRemoteId: string | null;
  parentRemoteId: string | null;
  conversationId: string | null;
  kind: InboxEntry['kind'];
  /** Network-specific strong refs (e.g. Bluesky cid) kept from the raw record. */
  raw: Record<string, unknown>;
};

export type ModerationLinks = { mute: string | null; block: string | null; report: string | null };

/** Network error texts are kept as the network said them, so users can search for them. */
abstract class ChannelError extends Error {
  readonly networkMessage: string | null;
  constructor(message: string, networkMessage: string | null = null) {
    super(message);
    this.networkMessage = networkMessage;
  }
}

/** Try again later: network down, 5xx, timeouts, rate limits. */
export class TransientError extends ChannelError {
  readonly kind = 'transient' as const;
  /** When the network said when to come back (Retry-After, ratelimit-reset). */
  readonly retryAfterMs: number | null;
  constructor(message: string, networkMessage: string | null = null, retryAfterMs: number | null = null) {
    super(message, networkMessage);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Credentials rejected: the channel needs re-connecting; retrying will not help. */
export class AuthError extends ChannelError {
  readonly kind = 'auth' as const;
}

/** The network refused this post (too long, bad media): permanent, show its reason. */
export class RejectedError extends ChannelError {
  readonly kind = 'rejected' as const;
}

export type AnyChannelError = TransientError | AuthError | RejectedError;

export function isChannelError(error: unknown): error is AnyChannelError {
  return error instanceof TransientError || error instanceof AuthError || error instanceof RejectedError;
}

/** Classifies fetch failures the same way for every HTTP-based adapter. */
export function errorFromStatus(status: number, networkMessage: string | null, retryAfter: string | null) {
  const text = networkMessage ?? `HTTP ${status}`;
  if (status === 401 || status === 403) return new AuthError(`rejected credentials (${status})`, text);
  if (status === 429) return new TransientError('rate limited', text, parseRetryAfter(retryAfter));
  if (status >= 500 || status === 408) return new TransientError(`server error (${status})`, text);
  return new RejectedError(`refused (${status})`, text);
}

/** Retry-After as seconds or an HTTP date; also epoch seconds as Bluesky's ratelimit-reset. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) {
    const n = Number(value);
    // Epoch seconds (ratelimit-reset) are far larger than any sensible delay in seconds.
    return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
