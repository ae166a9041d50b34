import { ThemeIcon } from '@mantine/core';
import type { NotificationType } from '@nahbar/common';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconClockExclamation,
  IconEyeCheck,
  IconHourglass,
  IconMessageCheck,
  IconPencilQuestion,
  IconPlugConnectedX,
} from '@tabler/icons-react';

const ICONS = {
  publish_failed: { Icon: IconAlertTriangle, color: 'red' },
  channel_needs_reconnect: { Icon: IconPlugConnectedX, color: 'orange' },
  review_requested: { Icon: IconEyeCheck, color: 'petrol' },
  changes_requested: { Icon: IconPencilQuestion, color: 'orange' },
  rejected: { Icon: IconCircleX, color: 'red' },
  approved: { Icon: IconCircleCheck, color: 'green' },
  review_overdue: { Icon: IconClockExclamation, color: 'red' },
  reply_review_requested: { Icon: IconMessageCheck, color: 'petrol' },
  consent_expiring: { Icon: IconHourglass, color: 'orange' },
} as const satisfies Record<NotificationType, unknown>;

/** Decoration only: the sentence beside it says what happened. */
export function NotificationIcon({ type }: { type: NotificationType }) {
  const { Icon, color } = ICONS[type];
  return (
    <ThemeIcon variant="light" color={color} radius="xl" size={32} aria-hidden>
      <Icon size={18} stroke={1.7} />
    </ThemeIcon>
  );
}
