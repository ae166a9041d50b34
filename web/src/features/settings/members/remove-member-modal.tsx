import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Member, MembershipSummary } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SESSION_KEY, useSession } from '../../../app/session.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../components/server-errors.ts';
import { keys, settingsApi } from '../settings-api.ts';

type Props = { org: MembershipSummary; member: Member | null; onClose: () => void };

export function RemoveMemberModal({ org, member, onClose }: Props) {
  const { t } = useTranslation(['settings', 'common']);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (target: Member) => settingsApi.removeMember(org.id, target.userId),
    onSuccess: (_, target) => {
      queryClient.setQueryData<Member[]>(keys.members(org.id), (old) => old?.filter((m) => m.userId !== target.userId));
      if (target.userId === user.id) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: 'petrol', message: t('members.removed', { name: target.name }) });
      onClose();
    },
  });

  return (
    <Modal
      opened={member !== null}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={member ? t('members.removeTitle', { name: member.name }) : ''}
    >
      <Stack>
        <FormAlert message={remove.error ? errorMessage(remove.error) : null} />
        <Text>{t('members.removeText', { organisation: org.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => member && remove.mutate(member)}>
            {t('members.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
