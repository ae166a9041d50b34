import { Badge } from '@mantine/core';
import type { ChannelStatus } from '@nahbar/common';
import { IconAlertTriangle, IconCircleCheck, IconPlugConnectedX, IconPlugOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const LOOK = {
  connected: { color: 'green', icon: IconCircleCheck },
  needs_reconnect: { color: 'orange', icon: IconPlugConnectedX },
  failing: { color: 'red', icon: IconAlertTriangle },
  disconnected: { color: 'gray', icon: IconPlugOff },
} as const;

/** Text and icon carry the status; the colour only repeats it. */
export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  const { t } = useTranslation('channels');
  const { color, icon: Icon } = LOOK[status];
  return (
    <Badge color={color} size="lg" leftSection={<Icon size={14} aria-hidden />}>
      {t(`status.${status}`)}
    </Badge>
  );
}
