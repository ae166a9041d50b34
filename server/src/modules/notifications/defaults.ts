import { type DeliveryMode, NOTIFICATION_TYPES, type NotificationType } from '@nahbar/common';

/**
 * What a person gets before choosing: what needs acting on now by e-mail at once, good news and
 * early warnings once a day.
 */
export const DEFAULT_MODES: Record<NotificationType, DeliveryMode> = {
  review_requested: 'immediately',
  changes_requested: 'immediately',
  rejected: 'immediately',
  approved: 'daily',
  review_overdue: 'immediately',
  reply_review_requested: 'immediately',
  publish_failed: 'immediately',
  channel_needs_reconnect: 'immediately',
  consent_expiring: 'daily',
};

/** Every type, the person's choice where they made one. */
export function modesWithDefaults(
  stored: Partial<Record<NotificationType, DeliveryMode>> | undefined,
): Record<NotificationType, DeliveryMode> {
  const modes = { ...DEFAULT_MODES };
  for (const type of NOTIFICATION_TYPES) {
    const chosen = stored?.[type];
    if (chosen) modes[type] = chosen;
  }
  return modes;
}
