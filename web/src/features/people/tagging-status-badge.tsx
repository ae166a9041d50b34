import { Badge } from '@mantine/core';
import type { Media, PeopleStatus } from '@nahbar/common';
import { IconAlertTriangle, IconLock, IconUserOff, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { peopleApi, peopleKeys } from './people-api.ts';

const LOOK = {
  unreviewed: { color: 'orange', icon: IconAlertTriangle },
  tagged: { color: 'petrol', icon: IconUsers },
  none: { color: 'gray', icon: IconUserOff },
  kug23: { color: 'blue', icon: IconUsersGroup },
  blocked: { color: 'red', icon: IconLock },
} as const satisfies Record<PeopleStatus, unknown>;

/**
 * Who an image shows, on its library card: "Personen: nicht geprüft" until someone looked.
 * The media list does not carry the status, so each card asks (cached per image).
 */
export function TaggingStatusBadge({ orgId, media }: { orgId: string; media: Media }) {
  const { t } = useTranslation('people');
  const { allowed } = useOrgAccess();
  const enabled = media.kind === 'image' && allowed('people.read');
  const query = useQuery({
    queryKey: peopleKeys.mediaPeople(orgId, media.id),
    queryFn: () => peopleApi.mediaPeople(orgId, media.id),
    enabled,
    staleTime: 60_000,
    retry: false,
  });
  if (!enabled || !query.data) return null;
  const { status, people } = query.data;
  const { color, icon: Icon } = LOOK[status];
  // Dark text like the alt-text badge: the icon carries the colour, the words stay readable.
  return (
    <Badge
      variant="light"
      color={color}
      c="var(--mantine-color-text)"
      leftSection={<Icon size={12} aria-hidden color={`var(--mantine-color-${color}-8)`} />}
    >
      {status === 'tagged' ? t('tagging.badge.tagged', { count: people.length }) : t(`tagging.badge.${status}`)}
    </Badge>
  );
}
