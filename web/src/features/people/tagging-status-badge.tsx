import { Badge } from '@mantine/core';
import type { Media, PeopleStatus } from '@nahbar/common';
import { IconAlertTriangle, IconLock, IconUserOff, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOrgAccess } from '../settings/use-org-access.ts';

const LOOK = {
  unreviewed: { color: 'orange', icon: IconAlertTriangle },
  tagged: { color: 'petrol', icon: IconUsers },
  none: { color: 'gray', icon: IconUserOff },
  kug23: { color: 'blue', icon: IconUsersGroup },
  blocked: { color: 'red', icon: IconLock },
} as const satisfies Record<PeopleStatus, unknown>;

/** Who an image shows, on its library card: "Personen: nicht geprüft" until someone looked. */
export function TaggingStatusBadge({ media }: { media: Media }) {
  const { t } = useTranslation('people');
  const { allowed } = useOrgAccess();
  if (media.kind !== 'image' || !allowed('people.read')) return null;
  const { status, count } = media.people;
  const { color, icon: Icon } = LOOK[status];
  // Dark text like the alt-text badge: the icon carries the colour, the words stay readable.
  return (
    <Badge
      variant="light"
      color={color}
      c="var(--mantine-color-text)"
      leftSection={<Icon size={12} aria-hidden color={`var(--mantine-color-${color}-8)`} />}
    >
      {status === 'tagged' ? t('tagging.badge.tagged', { count }) : t(`tagging.badge.${status}`)}
    </Badge>
  );
}
