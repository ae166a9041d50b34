import { Checkbox, Stack } from '@mantine/core';
import type { Role } from '@nahbar/common';
import { ROLES } from '@nahbar/common/rules/roles';
import { useTranslation } from 'react-i18next';

type Props = {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: React.ReactNode;
  /** Only owners may grant or take away the owner role. */
  ownerLocked?: boolean;
  label?: string;
};

export function RolesCheckboxGroup({ value, onChange, error, ownerLocked = false, label }: Props) {
  const { t } = useTranslation(['roles', 'common']);
  return (
    <Checkbox.Group
      label={label ?? t('common:fields.roles')}
      value={value}
      onChange={(next) => onChange(ROLES.filter((role) => next.includes(role)))}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {ROLES.map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={t(`roles:${role}.label`)}
            description={t(`roles:${role}.description`)}
            disabled={role === 'owner' && ownerLocked}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
