import { AppShell, Box, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { Logo } from '../../components/logo.tsx';
import { NotificationBell } from '../../features/notifications/notification-bell.tsx';
import { MainNav } from './main-nav.tsx';
import { OrgSwitcher } from './org-switcher.tsx';
import { useChangeLanguage } from './use-change-language.ts';
import { UserMenu } from './user-menu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const changeLanguage = useChangeLanguage();

  // On small screens the navigation closes after choosing a page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => close(), [location.pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 264, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            {/* Below 576 px the controls need the room: with the logo the row overflowed a 390 px phone. */}
            <Box visibleFrom="xs">
              <Logo />
            </Box>
          </Group>
          <Group gap={4} wrap="nowrap">
            <OrgSwitcher />
            <LanguageSwitch onChange={changeLanguage} />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label={t('nav.label')}>
        <MainNav />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
