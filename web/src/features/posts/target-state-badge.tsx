import type { PostTarget, TargetState } from '@nahbar/common';
import {
  IconAlertTriangle,
  IconBan,
  IconCircleCheck,
  IconClock,
  IconClockPause,
  IconLoader2,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useFormatters } from '../../components/use-formatters.ts';

const LOOK: Record<TargetState, { color: string; icon: typeof IconClock }> = {
  draft: { color: 'gray', icon: IconPencil },
  in_review: { color: 'violet', icon: IconClock },
  approved: { color: 'indigo', icon: IconCircleCheck },
  scheduled: { color: 'blue', icon: IconClock },
  publishing: { color: 'cyan', icon: IconLoader2 },
  published: { color: 'green', icon: IconCircleCheck },
  failed: { color: 'red', icon: IconAlertTriangle },
  held: { color: 'orange', icon: IconClockPause },
  cancelled: { color: 'gray', icon: IconBan },
  taken_down: { color: 'gray', icon: IconTrash },
};

/** The state in words, with the planned time in the organisation's zone. */
export function TargetStateBadge({
  target,
  timeZone,
  size,
}: {
  target: Pick<PostTarget, 'state' | 'dueAt'>;
  timeZone: string;
  size?: 'xs' | 'lg';
}) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const { color, icon } = LOOK[target.state];
  const label =
    target.state === 'scheduled'
      ? target.dueAt
        ? t('state.scheduled', { when: formatDateTime(target.dueAt, timeZone) })
        : t('state.scheduledNoDate')
      : t(`state.${target.state}`);
  return (
    <StatusBadge color={color} icon={icon} size={size}>
      {label}
    </StatusBadge>
  );
}
