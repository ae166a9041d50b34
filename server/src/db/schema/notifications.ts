import type { DeliveryMode, NotificationType } from '@nahbar/common';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { at, createdAt, tenantId } from './columns.ts';

/** One thing one person is told about; the text is worded by the reader's app from type + params. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<NotificationType>().notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    link: text('link').notNull(),
    /** The delivery chosen when it was created: immediately, daily or off. */
    delivery: text('delivery').$type<DeliveryMode>().notNull(),
    /** Set once the e-mail (immediate or in a digest) went to the outbox. */
    emailedAt: at('emailed_at'),
    readAt: at('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_digest_idx').on(t.userId).where(sql`${t.delivery} = 'daily' and ${t.emailedAt} is null`),
    check('notifications_delivery_check', sql`${t.delivery} in ('immediately', 'daily', 'off')`),
  ],
);

/** A person's choices per notification type (missing types: the default). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  modes: jsonb('modes').$type<Partial<Record<NotificationType, DeliveryMode>>>().notNull().default({}),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
