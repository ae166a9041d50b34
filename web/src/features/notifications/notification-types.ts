import type { DeliveryMode, NotificationType } from '@nahbar/common';

// Local lists instead of the schemas' arrays, which would pull zod into the bundle; the Record
// types make the compiler insist every type and mode is here, in the order the settings show them.
const TYPE_KEYS: Record<NotificationType, true> = {
  publish_failed: true,
  channel_needs_reconnect: true,
  review_requested: true,
  changes_requested: true,
  rejected: true,
  approved: true,
  review_overdue: true,
  reply_review_requested: true,
  consent_expiring: true,
};
const MODE_KEYS: Record<DeliveryMode, true> = { immediately: true, daily: true, off: true };
export const NOTIFICATION_TYPES = Object.keys(TYPE_KEYS) as NotificationType[];
export const DELIVERY_MODES = Object.keys(MODE_KEYS) as DeliveryMode[];
