import { Button, Group, Stack, Title } from '@mantine/core';
import type { Permission } from '@nahbar/common';
import { can } from '@nahbar/common/rules/roles';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useCurrentOrg } from '../../app/session.tsx';

type Tab = {
  to: string;
  key:
    | 'organisation'
    | 'members'
    | 'account'
    | 'notifications'
    | 'tokens'
    | 'audit'
    | 'outbox'
    | 'inbox'
    | 'planning'
    | 'templates'
    | 'privacy'
    | 'approvals';
  permission?: Permission;
  needsOrg?: boolean;
};

const TABS: Tab[] = [
  { to: 'organisation', key: 'organisation', needsOrg: true },
  { to: 'mitglieder', key: 'members', needsOrg: true, permission: 'members.read' },
  { to: 'konto', key: 'account' },
  { to: 'benachrichtigungen', key: 'notifications' },
  { to: 'api-tokens', key: 'tokens' },
  { to: 'protokoll', key: 'audit', needsOrg: true, permission: 'audit.read' },
  { to: 'postausgang', key: 'outbox', needsOrg: true, permission: 'outbox.read' },
  { to: 'posteingang', key: 'inbox', needsOrg: true, permission: 'inbox.read' },
  { to: 'planung', key: 'planning', needsOrg: true, permission: 'posts.read' },
  { to: 'vorlagen', key: 'templates', needsOrg: true, permission: 'posts.read' },
  { to: 'datenschutz', key: 'privacy', needsOrg: true, permission: 'privacy.settings' },
  { to: 'freigaben', key: 'approvals', needsOrg: true, permission: 'posts.read' },
];

/** Sub-navigation as links (not ARIA tabs): every settings page has its own address. */
export function SettingsLayout() {
  const { t } = useTranslation(['settings', 'inbox', 'notifications']);
  const org = useCurrentOrg();
  const visible = TABS.filter(
    (tab) => (!tab.needsOrg || org) && (!tab.permission || (org && can(org.roles, tab.permission))),
  );
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Group component="nav" aria-label={t('navLabel')} gap={4}>
        {visible.map((tab) => (
          <Button
            key={tab.key}
            component={NavLink}
            to={tab.to}
            variant="subtle"
            color="gray"
            c="var(--mantine-color-text)"
            className="settings-tab"
          >
            {tab.key === 'inbox'
              ? t('inbox:settings.tab')
              : tab.key === 'notifications'
                ? t('notifications:settings.tab')
                : t(`tabs.${tab.key}`)}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
