import { Badge, Group, NavLink, VisuallyHidden } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { inboxApi, inboxKeys } from './inbox-api.ts';

const COUNTS_MS = 60_000;

/** "Posteingang" with what waits: open items, and overdue ones in red. Hidden from those who may not read it. */
export function InboxNavLink() {
  const { t } = useTranslation(['common', 'inbox']);
  const { pathname } = useLocation();
  const { org, allowed } = useOrgAccess();
  const readable = Boolean(org) && allowed('inbox.read');
  const counts = useQuery({
    queryKey: inboxKeys.counts(org?.id ?? ''),
    queryFn: () => inboxApi.counts(org?.id ?? ''),
    enabled: readable,
    refetchInterval: COUNTS_MS,
  });
  if (!readable) return null;
  const open = counts.data?.open ?? 0;
  const overdue = counts.data?.overdue ?? 0;
  return (
    <NavLink
      component={RouterNavLink}
      to="/posteingang"
      label={t('nav.inbox')}
      leftSection={<IconInbox size={20} aria-hidden stroke={1.6} />}
      active={pathname.startsWith('/posteingang')}
      rightSection={
        (open > 0 || overdue > 0) && (
          <Group gap={4} wrap="nowrap">
            {open > 0 && (
              <Badge size="sm" color="petrol" c="var(--mantine-color-text)">
                {open}
                <VisuallyHidden> {t('inbox:nav.open')}</VisuallyHidden>
              </Badge>
            )}
            {overdue > 0 && (
              <Badge size="sm" color="red" variant="filled">
                {overdue}
                <VisuallyHidden> {t('inbox:nav.overdue')}</VisuallyHidden>
              </Badge>
            )}
          </Group>
        )
      }
    />
  );
}
