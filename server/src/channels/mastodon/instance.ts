import { mastodonFetch } from './http.ts';

// An instance's own limits, read once on connect and kept in the channel's settings, so the
// composer counts against the real limit (many instances allow more than 500 characters).

export type MastodonSettings = {
  instanceUrl: string;
  /** The account domain (LOCAL_DOMAIN), which can differ from the web host. */
  domain: string;
  instanceTitle: string | null;
  maxChars: number;
  urlLength: number;
  maxMedia: number;
  imageSizeLimit: number;
  videoSizeLimit: number;
  supportedMimeTypes: string[];
};

export const DEFAULTS = {
  maxChars: 500,
  urlLength: 23,
  maxMedia: 4,
  imageSizeLimit: 16 * 1024 * 1024,
  videoSizeLimit: 99 * 1024 * 1024,
  supportedMimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
};

type InstanceJson = {
  domain?: string;
  uri?: string;
  title?: string;
  configuration?: {
    statuses?: { max_characters?: number; max_media_attachments?: number; characters_reserved_per_url?: number };
    media_attachments?: { supported_mime_types?: string[]; image_size_limit?: number; video_size_limit?: number };
  };
};

/** GET /api/v2/instance (4.0+); only a 404 there sends us to the deprecated v1. */
export async function readInstance(instanceUrl: string, signal?: AbortSignal): Promise<MastodonSettings> {
  const origin = new URL(instanceUrl).origin;
  const v2 = await mastodonFetch<InstanceJson>(origin, '/api/v2/instance', { signal, allow: [404] });
  const json =
    v2.status === 404 ? (await mastodonFetch<InstanceJson>(origin, '/api/v1/instance', { signal })).body : v2.body;
  const statuses = json?.configuration?.statuses;
  const media = json?.configuration?.media_attachments;
  return readSettings({
    instanceUrl: origin,
    domain: json?.domain ?? json?.uri ?? new URL(origin).host,
    instanceTitle: json?.title ?? null,
    maxChars: statuses?.max_characters,
    urlLength: statuses?.characters_reserved_per_url,
    maxMedia: statuses?.max_media_attachments,
    imageSizeLimit: media?.image_size_limit,
    videoSizeLimit: media?.video_size_limit,
    supportedMimeTypes: media?.supported_mime_types,
  });
}

const positive = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;

/** Channel settings as stored (untyped JSON) → typed, with Mastodon's defaults for gaps. */
export function readSettings(settings: Record<string, unknown>): MastodonSettings {
  const instanceUrl = typeof settings.instanceUrl === 'string' ? settings.instanceUrl : '';
  const mimes = settings.supportedMimeTypes;
  return {
    instanceUrl,
    domain: typeof settings.domain === 'string' ? settings.domain : instanceUrl ? new URL(instanceUrl).host : '',
    instanceTitle: typeof settings.instanceTitle === 'string' ? settings.instanceTitle : null,
    maxChars: positive(settings.maxChars, DEFAULTS.maxChars),
    urlLength: positive(settings.urlLength, DEFAULTS.urlLength),
    maxMedia: positive(settings.maxMedia, DEFAULTS.maxMedia),
    imageSizeLimit: positive(settings.imageSizeLimit, DEFAULTS.imageSizeLimit),
    videoSizeLimit: positive(settings.videoSizeLimit, DEFAULTS.videoSizeLimit),
    supportedMimeTypes:
      Array.isArray(mimes) && mimes.every((m) => typeof m === 'string') ? mimes : DEFAULTS.supportedMimeTypes,
  };
}
