import { URL_PATTERN } from '@nahbar/common';

// Entity shapes and text rules of the Mastodon contract fake, kept apart from its routing.
// Shapes follow docs.joinmastodon.org/entities (Account, Status, MediaAttachment, Instance).

export type FakeAccount = { id: string; username: string; displayName: string; createdAt: string };

export type FakeMedia = {
  id: string;
  accountId: string;
  mime: string;
  size: number;
  description: string | null;
  /** GET /api/v1/media/:id answers 206 until this reaches 0. */
  pollsLeft: number;
  statusId: string | null;
};

export type FakeStatus = {
  id: string;
  accountId: string;
  text: string;
  spoilerText: string;
  sensitive: boolean;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  language: string | null;
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  /** Local accounts named in the text (@user); they are notified and may see private/direct. */
  mentionIds: string[];
  /** Shared by a status and its replies; direct ones form a Conversation per participant. */
  conversationId: string;
  media: FakeMedia[];
  idempotencyKey: string | null;
  createdAt: string;
  deleted: boolean;
};

export type InstanceLimits = {
  domain: string;
  title: string;
  version: string;
  maxCharacters: number;
  maxMediaAttachments: number;
  charactersReservedPerUrl: number;
  imageSizeLimit: number;
  videoSizeLimit: number;
  supportedMimeTypes: string[];
};

export const defaultLimits = (domain: string): InstanceLimits => ({
  domain,
  title: 'Mastodon contract fake',
  version: '4.4.0',
  maxCharacters: 500,
  maxMediaAttachments: 4,
  charactersReservedPerUrl: 23,
  imageSizeLimit: 16 * 1024 * 1024,
  videoSizeLimit: 103_809_024,
  // As a stock 4.x instance lists them (images, then video and audio).
  supportedMimeTypes: [
    'image/jpeg',
    'image/png',
    'image/gif',
    'image/heic',
    'image/heif',
    'image/webp',
    'image/avif',
    'video/webm',
    'video/mp4',
    'video/quicktime',
    'video/ogg',
  ],
});

export function accountEntity(base: string, a: FakeAccount) {
  return {
    id: a.id,
    username: a.username,
    acct: a.username,
    display_name: a.displayName,
    locked: false,
    bot: false,
    created_at: a.createdAt,
    note: '',
    url: `${base}/@${a.username}`,
    avatar: `${base}/avatars/original/missing.png`,
    header: `${base}/headers/original/missing.png`,
    followers_count: 0,
    following_count: 0,
    statuses_count: 0,
    emojis: [],
    fields: [],
  };
}

export function mediaEntity(base: string, m: FakeMedia) {
  const ready = m.pollsLeft <= 0;
  return {
    id: m.id,
    type: m.mime.startsWith('video/') ? 'video' : 'image',
    url: ready ? `${base}/system/media_attachments/files/${m.id}/original.bin` : null,
    preview_url: `${base}/system/media_attachments/files/${m.id}/small.bin`,
    remote_url: null,
    text_url: null,
    meta: { focus: { x: 0, y: 0 } },
    description: m.description,
    blurhash: null,
  };
}

export function statusEntity(base: string, s: FakeStatus, account: FakeAccount, mentioned: FakeAccount[] = []) {
  return {
    id: s.id,
    uri: `${base}/users/${account.username}/statuses/${s.id}`,
    url: `${base}/@${account.username}/${s.id}`,
    created_at: s.createdAt,
    account: accountEntity(base, account),
    content: toHtml(s.text, base),
    visibility: s.visibility,
    sensitive: s.sensitive,
    spoiler_text: s.spoilerText,
    media_attachments: s.media.map((m) => mediaEntity(base, m)),
    application: { name: 'fake client', website: null },
    mentions: mentioned.map((m) => ({
      id: m.id,
      username: m.username,
      url: `${base}/@${m.username}`,
      acct: m.username,
    })),
    tags: [],
    emojis: [],
    reblogs_count: 0,
    favourites_count: 0,
    replies_count: 0,
    in_reply_to_id: s.inReplyToId,
    in_reply_to_account_id: s.inReplyToAccountId,
    reblog: null,
    poll: null,
    card: null,
    language: s.language,
    edited_at: null,
  };
}

/** docs: entities/Notification (4.3+ adds group_key; ungrouped ones get `ungrouped-<id>`). */
export function notificationEntity(n: FakeNotification, from: unknown, status: unknown) {
  return { id: n.id, type: n.type, created_at: n.createdAt, group_key: `ungrouped-${n.id}`, account: from, status };
}

export type FakeNotification = { id: string; type: 'mention'; fromId: string; statusId: string; createdAt: string };

/** Per account and conversation, as Mastodon's AccountConversation. */
export type FakeConversation = {
  id: string;
  conversationId: string;
  participantIds: string[];
  lastStatusId: string;
  unread: boolean;
};

const escapeHtml = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Mastodon's plain-text formatter: paragraphs, <br />, links split into invisible/ellipsis spans. */
export function toHtml(text: string, base: string): string {
  const link = (url: string) => {
    const scheme = url.match(/^https?:\/\/(www\.)?/)?.[0] ?? '';
    const rest = url.slice(scheme.length);
    const shown = rest.slice(0, 30);
    const cls = rest.length > 30 ? 'ellipsis' : '';
    return `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${escapeHtml(scheme)}</span><span class="${cls}">${escapeHtml(shown)}</span><span class="invisible">${escapeHtml(rest.slice(30))}</span></a>`;
  };
  const line = (l: string) => {
    let out = '';
    let last = 0;
    for (const m of l.matchAll(URL_PATTERN)) {
      out += hashtags(escapeHtml(l.slice(last, m.index)), base) + link(m[0]);
      last = m.index + m[0].length;
    }
    return out + hashtags(escapeHtml(l.slice(last)), base);
  };
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(line).join('<br />')}</p>`)
    .join('');
}

/** Hashtags and mentions as Mastodon links them; a mention shows only @user, not the domain. */
function hashtags(escaped: string, base: string): string {
  return escaped
    .replace(
      /(^|\s)#([\p{L}\p{N}_]+)/gu,
      (_, pre: string, tag: string) =>
        `${pre}<a href="${base}/tags/${tag}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`,
    )
    .replace(
      /(^|\s)@([\p{L}\p{N}_]+)(?:@([\p{L}\p{N}.-]+\.[\p{L}]{2,}))?/gu,
      (_, pre: string, user: string, domain: string | undefined) =>
        `${pre}<span class="h-card" translate="no"><a href="${domain ? `https://${domain}` : base}/@${user}" class="u-url mention">@<span>${user}</span></a></span>`,
    );
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const REMOTE_MENTION = /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;

/**
 * StatusLengthValidator: grapheme clusters of spoiler_text + text, where every URL counts as
 * characters_reserved_per_url and a remote mention only as @user.
 */
export function statusLength(text: string, spoiler: string, urlLength: number): number {
  const countable = text.replace(URL_PATTERN, 'x'.repeat(urlLength)).replace(REMOTE_MENTION, '$1@$2');
  let n = 0;
  for (const _ of segmenter.segment(spoiler + countable)) n += 1;
  return n;
}

export function instanceEntity(base: string, l: InstanceLimits) {
  return {
    domain: l.domain,
    title: l.title,
    version: l.version,
    source_url: 'https://github.com/mastodon/mastodon',
    description: 'A contract fake built from docs.joinmastodon.org',
    usage: { users: { active_month: 0 } },
    thumbnail: { url: `${base}/packs/media/images/preview.png` },
    languages: ['de', 'en'],
    configuration: {
      urls: { streaming: base.replace(/^http/, 'ws') },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: {
        max_characters: l.maxCharacters,
        max_media_attachments: l.maxMediaAttachments,
        characters_reserved_per_url: l.charactersReservedPerUrl,
      },
      media_attachments: {
        supported_mime_types: l.supportedMimeTypes,
        image_size_limit: l.imageSizeLimit,
        image_matrix_limit: 33_177_600,
        video_size_limit: l.videoSizeLimit,
        video_frame_rate_limit: 120,
        video_matrix_limit: 8_294_400,
      },
      polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2_629_746 },
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null },
    contact: { email: 'admin@example.org', account: null },
    rules: [],
  };
}

/** The v1 shape (deprecated in 4.0): `uri` instead of `domain`, same configuration block. */
export function instanceV1Entity(base: string, l: InstanceLimits) {
  const v2 = instanceEntity(base, l);
  return {
    uri: l.domain,
    title: l.title,
    version: l.version,
    short_description: v2.description,
    languages: v2.languages,
    configuration: { statuses: v2.configuration.statuses, media_attachments: v2.configuration.media_attachments },
  };
}
