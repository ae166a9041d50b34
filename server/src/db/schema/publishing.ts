import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { at, createdAt, tenantId } from './columns.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A connected account at a network (or the organisation's website feed). */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    network: text('network').notNull(),
    name: text('name').notNull(),
    accountId: text('account_id'),
    accountHandle: text('account_handle'),
    accountDisplayName: text('account_display_name'),
    accountUrl: text('account_url'),
    /** AES-256-GCM sealed JSON (crypto/secret-box.ts); null once disconnected. */
    credentials: text('credentials'),
    /** Not secret: feed title and site, Mastodon instance URL and limits, Bluesky service. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').notNull().default('connected'),
    statusMessage: text('status_message'),
    statusAt: at('status_at'),
    targetIntervalDays: integer('target_interval_days').notNull().default(14),
    /** How often the inbox polls this channel; null: the organisation's setting. */
    inboxPollMinutes: integer('inbox_poll_minutes'),
    lastPublishedAt: at('last_published_at'),
    lastVerifiedAt: at('last_verified_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('channels_org_idx').on(t.orgId),
    check('channels_network_check', sql`${t.network} in ('bluesky', 'mastodon', 'feed')`),
    check('channels_status_check', sql`${t.status} in ('connected', 'needs_reconnect', 'failing', 'disconnected')`),
    // One feed channel per website.
    uniqueIndex('channels_feed_site_key')
      .on(t.orgId, sql`(${t.settings}->>'siteUrl')`)
      .where(sql`${t.network} = 'feed' and ${t.status} <> 'disconnected'`),
  ],
);

/** A Mastodon app registration, one per instance for this nahbar installation. */
export const mastodonApps = pgTable('mastodon_apps', {
  instanceUrl: text('instance_url').primaryKey(),
  clientId: text('client_id').notNull(),
  /** sealed */
  clientSecret: text('client_secret').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  createdAt: createdAt(),
});

/** An OAuth connect in progress: the state parameter ties the callback to who started it. */
export const oauthStates = pgTable('oauth_states', {
  stateHash: text('state_hash').primaryKey(),
  orgId: tenantId(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  instanceUrl: text('instance_url').notNull(),
  /** sealed PKCE verifier */
  codeVerifier: text('code_verifier').notNull(),
  channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
  expiresAt: at('expires_at').notNull(),
  createdAt: createdAt(),
});

/**
 * The media library. Images are re-encoded without metadata on upload. Bytes live in the
 * configured store (data dir or S3) under `storageKey`; rows from before the store existed
 * still carry them in `bytes`.
 */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    kind: text('kind').notNull().default('image'),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    size: integer('size').notNull(),
    durationMs: integer('duration_ms'),
    storageKey: text('storage_key'),
    bytes: bytea('bytes'),
    originalName: text('original_name'),
    /** The alt text last used with it, offered again by the composer. */
    alt: text('alt'),
    derivedFrom: uuid('derived_from').references((): AnyPgColumn => media.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('media_org_idx').on(t.orgId, t.createdAt),
    check('media_kind_check', sql`${t.kind} in ('image', 'video', 'captions')`),
    check('media_stored_check', sql`${t.storageKey} is not null or ${t.bytes} is not null`),
  ],
);

/** Derived files made on demand: thumbnails and per-network sizes. */
export const mediaVariants = pgTable(
  'media_variants',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    /** "thumb", "bluesky", "mastodon", … */
    variant: text('variant').notNull(),
    orgId: tenantId(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.variant] })],
);

/** A Rubrik ("Mitarbeitende stellen sich vor", every second Tuesday 10:00). */
export const series = pgTable(
  'series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    name: text('name').notNull(),
    text: text('text').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    channelIds: uuid('channel_ids').array().notNull(),
    /** ISO weekday 1–7 and wall-clock "HH:MM" in the organisation's time zone. */
    weekday: smallint('weekday').notNull(),
    time: text('time').notNull(),
    intervalWeeks: smallint('interval_weeks').notNull().default(1),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    active: boolean('active').notNull().default(true),
    /** Draft slots exist up to this moment. */
    materializedUntil: at('materialized_until'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('series_org_idx').on(t.orgId),
    check('series_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('series_interval_check', sql`${t.intervalWeeks} between 1 and 12`),
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    language: text('language'),
    /** Campaign tags, filterable in the calendar and used by reports. */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Goes up with each saved change (post_versions keeps them). */
    version: integer('version').notNull().default(1),
    /** Drafts: where the calendar shows them. */
    plannedAt: at('planned_at'),
    /** The Rubrik this draft slot was made for. */
    seriesId: uuid('series_id').references(() => series.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('posts_org_idx').on(t.orgId, t.createdAt),
    index('posts_org_planned_idx').on(t.orgId, t.plannedAt).where(sql`${t.plannedAt} is not null`),
    index('posts_tags_idx').using('gin', t.tags),
    // A Rubrik puts at most one draft on each of its dates, however often it is extended.
    uniqueIndex('posts_series_planned_key').on(t.seriesId, t.plannedAt).where(sql`${t.seriesId} is not null`),
  ],
);

export const postMedia = pgTable(
  'post_media',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    orgId: tenantId(),
    mediaId: uuid('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'restrict' }),
    alt: text('alt').notNull(),
    /** A video's subtitles (a media row of kind "captions"). */
    captionMediaId: uuid('caption_media_id').references(() => media.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.position] })],
);

/** One per post and channel: the unit the engine publishes exactly once. */
export const postTargets = pgTable(
  'post_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    /** This channel's variant; null means the post's text. */
    text: text('text'),
    contentWarning: text('content_warning'),
    visibility: text('visibility').notNull().default('public'),
    state: text('state').notNull().default('draft'),
    dueAt: at('due_at'),
    attempts: integer('attempts').notNull().default(0),
    /** While publishing: until when this attempt owns the target (crash detection). */
    leaseUntil: at('lease_until'),
    lastAttemptAt: at('last_attempt_at'),
    /** After a transient failure: not before this time (backoff). */
    retryAt: at('retry_at'),
    takedownRequestedAt: at('takedown_requested_at'),
    remoteId: text('remote_id'),
    remoteUrl: text('remote_url'),
    /** Every record of a thread, for takedown. */
    remoteParts: jsonb('remote_parts').$type<string[]>(),
    publishedAt: at('published_at'),
    errorKind: text('error_kind'),
    errorMessage: text('error_message'),
    errorNetworkMessage: text('error_network_message'),
    errorAt: at('error_at'),
    takenDownAt: at('taken_down_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('post_targets_post_channel_key').on(t.postId, t.channelId),
    index('post_targets_org_idx').on(t.orgId),
    // The calendar: one organisation's targets by due and by publication time.
    index('post_targets_org_due_idx').on(t.orgId, t.dueAt),
    index('post_targets_org_published_idx').on(t.orgId, t.publishedAt),
    index('post_targets_due_idx').on(t.dueAt).where(sql`${t.state} = 'scheduled'`),
    index('post_targets_publishing_idx').on(t.leaseUntil).where(sql`${t.state} = 'publishing'`),
    index('post_targets_channel_attempt_idx').on(t.channelId, t.lastAttemptAt),
    // The inbox links replies to our posts by any part's remote id.
    index('post_targets_remote_parts_idx').using('gin', t.remoteParts),
    // The public website feed: newest published items of one channel.
    index('post_targets_feed_idx').on(t.channelId, t.publishedAt).where(sql`${t.state} = 'published'`),
    check(
      'post_targets_state_check',
      sql`${t.state} in ('draft','in_review','approved','scheduled','publishing','published','failed','held','cancelled','taken_down')`,
    ),
    check('post_targets_visibility_check', sql`${t.visibility} in ('public','unlisted','private')`),
  ],
);
