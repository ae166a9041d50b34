import { Avatar, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { setSession, useSession } from '../session.tsx';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      // Signed out locally even if the server call failed: the cookie may be gone already.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'setup' });
      setSession(null);
      navigate('/anmelden', { replace: true });
    },
  });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* Named by hidden text, not aria-label: the visible initials must not contradict the name. */}
        <UnstyledButton p={4} style={{ borderRadius: '50%' }}>
          <Avatar color="petrol" radius="xl" size={34} aria-hidden>
            {initials(user.name)}
          </Avatar>
          <VisuallyHidden>{t('user.menuLabel')}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.name} · {user.email}
        </Menu.Label>
        <Menu.Item component={Link} to="/einstellungen/konto" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('user.account')}
        </Menu.Item>
        <Menu.Item
          onClick={() => signOut.mutate()}
          leftSection={<IconLogout size={16} aria-hidden />}
          disabled={signOut.isPending}
        >
          {t('user.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
