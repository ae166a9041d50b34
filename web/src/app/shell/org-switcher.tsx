import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { User } from '@nahbar/common';
import { IconBuilding, IconCheck, IconSelector } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { SESSION_KEY, updateSessionUser, useCurrentOrg, useSession } from '../session.tsx';

/** With several organisations a menu to switch; the choice is stored on the account (lastOrgId). */
export function OrgSwitcher() {
  const { t } = useTranslation();
  const session = useSession();
  const current = useCurrentOrg();
  const queryClient = useQueryClient();

  const switchOrg = useMutation({
    mutationFn: (orgId: string) => api.patch<User>('/me', { lastOrgId: orgId }),
    onSuccess: (user) => {
      updateSessionUser(user);
      // Everything but the session belongs to the previous organisation: load it fresh.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      const org = session.organisations.find((o) => o.id === user.lastOrgId);
      if (org) notifications.show({ color: 'petrol', message: t('org.switched', { name: org.name }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  if (!current) return null;
  if (session.organisations.length < 2) {
    return (
      <Text size="sm" fw={500} visibleFrom="sm" truncate maw={240}>
        {current.name}
      </Text>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconBuilding size={18} aria-hidden />}
          rightSection={<IconSelector size={16} aria-hidden />}
          aria-label={t('org.switcherLabel', { name: current.name })}
          loading={switchOrg.isPending}
          maw={{ base: 140, sm: 260 }}
        >
          <Text span size="sm" truncate>
            {current.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('org.menuTitle')}</Menu.Label>
        {session.organisations.map((org) => (
          <Menu.Item
            key={org.id}
            onClick={() => org.id !== current.id && switchOrg.mutate(org.id)}
            rightSection={org.id === current.id ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={org.id === current.id ? 'true' : undefined}
          >
            {org.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
