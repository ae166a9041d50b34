import type { ChannelStatus } from '@nahbar/common';
import { IconAlertTriangle, IconCircleCheck, IconPlugConnectedX, IconPlugOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge.tsx';

const LOOK = {
  connected: { color: 'green', icon: IconCircleCheck },
  needs_reconnect: { color: 'orange', icon: IconPlugConnectedX },
  failing: { color: 'red', icon: IconAlertTriangle },
  disconnected: { color: 'gray', icon: IconPlugOff },
} as const;

export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  const { t } = useTranslation('channels');
  const { color, icon } = LOOK[status];
  return (
    <StatusBadge color={color} icon={icon}>
      {t(`status.${status}`)}
    </StatusBadge>
  );
}
