import { Badge, Box, Divider, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import type { Permission } from '@nahbar/common';
import {
  IconCalendar,
  IconChartBar,
  IconFileText,
  IconHome,
  IconPhoto,
  IconPlugConnected,
  IconSettings,
  IconShieldCheck,
  IconTarget,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { ReviewsNavLink } from '../../features/approvals/reviews-nav-link.tsx';
import { InboxNavLink } from '../../features/inbox/inbox-nav-link.tsx';
import { useOrgAccess } from '../../features/settings/use-org-access.ts';

type IconType = ComponentType<{ size?: number; 'aria-hidden'?: boolean; stroke?: number }>;

const MODULES: {
  key: 'calendar' | 'posts' | 'media' | 'channels' | 'people' | 'privacy';
  to: string;
  icon: IconType;
  permission?: Permission;
}[] = [
  { key: 'calendar', to: '/kalender', icon: IconCalendar },
  { key: 'posts', to: '/beitraege', icon: IconFileText },
  { key: 'media', to: '/medien', icon: IconPhoto },
  { key: 'channels', to: '/kanaele', icon: IconPlugConnected },
  { key: 'people', to: '/personen', icon: IconUsers, permission: 'people.read' },
  { key: 'privacy', to: '/datenschutz', icon: IconShieldCheck, permission: 'privacy.officer' },
];

// Modules that are planned but not built yet. They are listed so the team sees what is coming,
// and are not links: nothing behind them is faked.
const COMING_SOON: {
  key: 'strategy' | 'reports';
  icon: IconType;
}[] = [
  { key: 'strategy', icon: IconTarget },
  { key: 'reports', icon: IconChartBar },
];

export function MainNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const inSettings = pathname.startsWith('/einstellungen');
  const { allowed } = useOrgAccess();
  return (
    <ScrollArea type="auto" h="100%">
      <Stack gap={2}>
        <NavLink
          component={RouterNavLink}
          to="/"
          end
          label={t('nav.overview')}
          leftSection={<IconHome size={20} aria-hidden stroke={1.6} />}
          active={pathname === '/'}
        />
        <Divider my="xs" label={t('nav.modules')} labelPosition="left" />
        {MODULES.filter((m) => !m.permission || allowed(m.permission)).map(({ key, to, icon: Icon }) => (
          <NavLink
            key={key}
            component={RouterNavLink}
            to={to}
            label={t(`nav.${key}`)}
            leftSection={<Icon size={20} aria-hidden stroke={1.6} />}
            active={pathname.startsWith(to)}
          />
        ))}
        <InboxNavLink />
        <ReviewsNavLink />
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {COMING_SOON.map(({ key, icon: Icon }) => (
            <Box component="li" key={key}>
              <Group gap="sm" px="sm" py={8} wrap="nowrap">
                <Icon size={20} aria-hidden stroke={1.6} />
                <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                  {t(`nav.${key}`)}
                </Text>
                <Badge size="xs" color="gray">
                  {t('nav.comingSoon')}
                </Badge>
              </Group>
            </Box>
          ))}
        </Box>
        <Divider my="xs" />
        <NavLink
          component={RouterNavLink}
          to="/einstellungen"
          label={t('nav.settings')}
          leftSection={<IconSettings size={20} aria-hidden stroke={1.6} />}
          active={inSettings}
        />
      </Stack>
    </ScrollArea>
  );
}
