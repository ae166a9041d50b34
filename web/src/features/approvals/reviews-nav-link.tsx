import { Badge, Group, NavLink, VisuallyHidden } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { approvalKeys, approvalsApi } from './approvals-api.ts';

const COUNTS_MS = 60_000;

/** "Freigaben" with what waits for the signed-in person, and overdue steps in red. */
export function ReviewsNavLink() {
  const { t } = useTranslation(['common', 'approvals']);
  const { pathname } = useLocation();
  const { org, allowed } = useOrgAccess();
  const readable = Boolean(org) && allowed('posts.read');
  const counts = useQuery({
    queryKey: approvalKeys.counts(org?.id ?? ''),
    queryFn: () => approvalsApi.counts(org?.id ?? ''),
    enabled: readable,
    refetchInterval: COUNTS_MS,
  });
  if (!readable) return null;
  // Posts and inbox answers alike wait for this person's decision.
  const waiting = (counts.data?.awaitingMe ?? 0) + (counts.data?.repliesAwaitingMe ?? 0);
  const overdue = counts.data?.overdue ?? 0;
  return (
    <NavLink
      component={RouterNavLink}
      to="/freigaben"
      label={t('nav.approvals')}
      leftSection={<IconChecklist size={20} aria-hidden stroke={1.6} />}
      active={pathname.startsWith('/freigaben')}
      rightSection={
        (waiting > 0 || overdue > 0) && (
          <Group gap={4} wrap="nowrap">
            {waiting > 0 && (
              <Badge size="sm" color="petrol" c="var(--mantine-color-text)">
                {waiting}
                <VisuallyHidden> {t('approvals:nav.awaitingMe')}</VisuallyHidden>
              </Badge>
            )}
            {overdue > 0 && (
              <Badge size="sm" color="red" variant="filled">
                {overdue}
                <VisuallyHidden> {t('approvals:nav.overdue')}</VisuallyHidden>
              </Badge>
            )}
          </Group>
        )
      }
    />
  );
}
