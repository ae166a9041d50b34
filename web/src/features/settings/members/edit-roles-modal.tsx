import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Member, MembershipSummary, Role } from '@nahbar/common';
import { canChangeRoles } from '@nahbar/common/rules/roles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KEY, useSession } from '../../../app/session.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { RolesCheckboxGroup } from '../../../components/roles-checkbox-group.tsx';
import { errorMessage } from '../../../components/server-errors.ts';
import { keys, settingsApi } from '../settings-api.ts';

type Props = { org: MembershipSummary; member: Member | null; onClose: () => void };

export function EditRolesModal({ org, member, onClose }: Props) {
  const { t } = useTranslation(['settings', 'common']);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<Role[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    setRoles(member?.roles ?? []);
    setError(null);
    setFormError(null);
  }, [member]);

  const save = useMutation({
    mutationFn: (next: Role[]) => settingsApi.updateMemberRoles(org.id, member?.userId ?? '', next),
    onSuccess: (updated) => {
      queryClient.setQueryData<Member[]>(keys.members(org.id), (old) =>
        old?.map((m) => (m.userId === updated.userId ? updated : m)),
      );
      // Own roles changed: the navigation and permissions come from the session.
      if (updated.userId === user.id) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: 'petrol', message: t('members.rolesSaved', { name: updated.name }) });
      onClose();
    },
    onError: (err) => setFormError(errorMessage(err)),
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!member) return;
    if (roles.length === 0) {
      setError(t('common:validation.rolesRequired'));
      return;
    }
    if (!canChangeRoles(org.roles, member.roles, roles)) {
      setError(t('members.ownerOnly'));
      return;
    }
    save.mutate(roles);
  };

  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t('members.editRolesTitle', { name: member.name }) : ''}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={formError} />
          <RolesCheckboxGroup
            value={roles}
            onChange={(next) => {
              setRoles(next);
              setError(null);
            }}
            error={error}
            ownerLocked={!org.roles.includes('owner')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('members.saveRoles')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
