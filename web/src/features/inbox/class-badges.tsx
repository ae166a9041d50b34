import { Badge, Group } from '@mantine/core';
import type { InboxClass, InboxStatus } from '@nahbar/common';
import { IconAlertTriangle, IconCheck, IconCircleDot, IconClockExclamation, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge.tsx';

/** The colour only repeats the word; dark text keeps every badge at 4.5:1. */
export const CLASS_COLORS: Record<InboxClass, string> = {
  crisis: 'red',
  hostile: 'orange',
  counselling: 'violet',
  criticism: 'yellow',
  question: 'petrol',
  praise: 'green',
};

export function ClassBadges({ classes }: { classes: InboxClass[] }) {
  const { t } = useTranslation('inbox');
  if (classes.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {classes.map((c) => (
        <Badge
          key={c}
          color={CLASS_COLORS[c]}
          c="var(--mantine-color-text)"
          leftSection={c === 'crisis' ? <IconAlertTriangle size={12} aria-hidden /> : undefined}
        >
          {t(`classes.${c}`)}
        </Badge>
      ))}
    </Group>
  );
}

const STATUS_LOOK: Record<InboxStatus, { color: string; icon: typeof IconCheck }> = {
  open: { color: 'petrol', icon: IconCircleDot },
  answered: { color: 'green', icon: IconCheck },
  no_answer_needed: { color: 'gray', icon: IconCheck },
  escalated: { color: 'orange', icon: IconClockExclamation },
};

export function InboxStatusBadge({ status }: { status: InboxStatus }) {
  const { t } = useTranslation('inbox');
  const look = STATUS_LOOK[status];
  return (
    <StatusBadge color={look.color} icon={look.icon}>
      {t(`status.${status}`)}
    </StatusBadge>
  );
}

export function HiddenBadge() {
  const { t } = useTranslation('inbox');
  return (
    <StatusBadge color="gray" icon={IconEyeOff}>
      {t('item.hidden')}
    </StatusBadge>
  );
}
