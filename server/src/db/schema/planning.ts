import type { PostSnapshot } from '@nahbar/common';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { at, createdAt, tenantId } from './columns.ts';
import { channels, posts } from './publishing.ts';

// Planning: versions of posts, templates, posting slots and calendar subscriptions (the
// Rubriken live beside posts in publishing.ts, which references them).

/** Every saved state of a post; autosaves by the same person within minutes share one. */
export const postVersions = pgTable(
  'post_versions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    orgId: tenantId(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    snapshot: jsonb('snapshot').$type<PostSnapshot>().notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('post_versions_post_version_key').on(t.postId, t.version)],
);

export const postTemplates = pgTable(
  'post_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    name: text('name').notNull(),
    text: text('text').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    channelIds: uuid('channel_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('post_templates_org_idx').on(t.orgId)],
);

/** Posting slots per channel: the queue fills the next free one. */
export const postingSlots = pgTable(
  'posting_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    time: text('time').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('posting_slots_channel_key').on(t.channelId, t.weekday, t.time),
    index('posting_slots_org_idx').on(t.orgId),
    check('posting_slots_weekday_check', sql`${t.weekday} between 1 and 7`),
  ],
);

/** A private ICS subscription: the token is only stored hashed. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text('label'),
    tokenHash: text('token_hash').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash), index('calendar_feeds_org_idx').on(t.orgId)],
);
