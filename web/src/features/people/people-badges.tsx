import { Group, Text } from '@mantine/core';
import type { Consent, Person } from '@nahbar/common';
import {
  IconCalendarOff,
  IconCircleCheck,
  IconCircleX,
  IconClock,
  IconHourglassLow,
  IconMoodKid,
  IconUser,
  IconUserHeart,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge.tsx';

const AGE_LOOK = {
  child: { color: 'grape', icon: IconMoodKid },
  youth: { color: 'indigo', icon: IconUserHeart },
  adult: { color: 'gray', icon: IconUser },
} as const;

/** Kind / Jugendliche:r / Erwachsene:r: decides who must consent, so it is shown everywhere. */
export function AgeGroupBadge({ group }: { group: Person['ageGroup'] }) {
  const { t } = useTranslation('people');
  const look = AGE_LOOK[group];
  return (
    <StatusBadge color={look.color} icon={look.icon} size="lg">
      {t(`register.ageGroups.${group}`)}
    </StatusBadge>
  );
}

const STATUS_LOOK = {
  valid: { color: 'green', icon: IconCircleCheck },
  not_yet_valid: { color: 'gray', icon: IconClock },
  expired: { color: 'orange', icon: IconCalendarOff },
  withdrawn: { color: 'red', icon: IconCircleX },
} as const;

export function ConsentStatusBadge({ status }: { status: Consent['status'] }) {
  const { t } = useTranslation('people');
  const look = STATUS_LOOK[status];
  return (
    <StatusBadge color={look.color} icon={look.icon}>
      {t(`consents.status.${status}`)}
    </StatusBadge>
  );
}

/** "gültig 2 · läuft bald ab 1 · widerrufen 0" in words, the zero counts left out. */
export function ConsentSummary({ summary }: { summary: Person['consentSummary'] }) {
  const { t } = useTranslation('people');
  const parts = [
    { key: 'valid', count: summary.valid, look: STATUS_LOOK.valid },
    { key: 'expiringSoon', count: summary.expiringSoon, look: { color: 'orange', icon: IconHourglassLow } },
    { key: 'withdrawn', count: summary.withdrawn, look: STATUS_LOOK.withdrawn },
  ] as const;
  const shown = parts.filter((p) => p.count > 0);
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('register.summary.none')}
      </Text>
    );
  return (
    <Group gap={6}>
      {shown.map((p) => (
        <StatusBadge key={p.key} color={p.look.color} icon={p.look.icon}>
          {t(`register.summary.${p.key}`, { count: p.count })}
        </StatusBadge>
      ))}
    </Group>
  );
}
