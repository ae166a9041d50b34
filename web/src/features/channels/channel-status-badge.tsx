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

/** Text and icon carry the status; the colour only repeats it. Dark text: green or orange text on their light background misses 4.5:1 even at shade 9. */
export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  const { t } = useTranslation('channels');
  const { color, icon: Icon } = LOOK[status];
  return (
    <Badge
      color={color}
      c="var(--mantine-color-text)"
      size="lg"
      leftSection={<Icon size={14} aria-hidden color={`var(--mantine-color-${color}-8)`} />}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
