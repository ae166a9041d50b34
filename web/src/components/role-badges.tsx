import { Badge, Group } from '@mantine/core';
import type { Role } from '@nahbar/common';
import { ROLES } from '@nahbar/common/rules/roles';
import { useTranslation } from 'react-i18next';

const ROLE_COLORS: Record<Role, string> = {
  owner: 'petrol',
  admin: 'indigo',
  editor: 'blue',
  contributor: 'grape',
  approver: 'violet',
  privacy_officer: 'red',
  viewer: 'gray',
};

/** Role chips in the canonical order, whatever order the server sent. */
export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation('roles');
  return (
    <Group gap={6}>
      {ROLES.filter((role) => roles.includes(role)).map((role) => (
        <Badge key={role} color={ROLE_COLORS[role]} tt="none">
          {t(`${role}.label`)}
        </Badge>
      ))}
    </Group>
  );
}
