import { z } from 'zod';
import { idSchema } from './common.ts';

const isoDate = z.iso.datetime({ offset: true });

// What a person is told about, in the app and by e-mail. review_overdue goes to the admins when
// a review step's deadline passes; reply_review_requested asks for the approval of an inbox answer.
export const NOTIFICATION_TYPES = [
  'review_requested',
  'changes_requested',
  'rejected',
  'approved',
  'review_overdue',
  'reply_review_requested',
  'publish_failed',
  'channel_needs_reconnect',
  'consent_expiring',
] as const;
export const notificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

/** Per type: an e-mail at once, one daily summary, or only the notification centre. */
export const DELIVERY_MODES = ['immediately', 'daily', 'off'] as const;
export const deliveryModeSchema = z.enum(DELIVERY_MODES);
export type DeliveryMode = z.infer<typeof deliveryModeSchema>;

export const notificationSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  organisationName: z.string(),
  type: notificationTypeSchema,
  /** Names the text needs ({channel}, {post}, {reason}); the web words them in the reader's language. */
  params: z.record(z.string(), z.string()),
  /** Where in the app it leads, e.g. "/beitraege/<id>". */
  link: z.string(),
  createdAt: isoDate,
  readAt: isoDate.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** Mark these as read, or all of them. */
export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(idSchema).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

export const notificationPreferencesSchema = z.object({
  modes: z.record(notificationTypeSchema, deliveryModeSchema),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export const updateNotificationPreferencesSchema = z.strictObject({
  modes: z.partialRecord(notificationTypeSchema, deliveryModeSchema),
});
