import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { postKeys, postsApi } from './posts-api.ts';

/** "Entwurf verwerfen": only for posts nothing of which reached a network (the server checks too). */
export function DiscardDraftButton({ orgId, postId }: { orgId: string; postId: string }) {
  const { t } = useTranslation(['posts', 'common']);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const discard = useMutation({
    mutationFn: () => postsApi.remove(orgId, postId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: postKeys.detail(orgId, postId) });
      void queryClient.invalidateQueries({ queryKey: postKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('edit.discarded') });
      void navigate('/beitraege');
    },
  });
  return (
    <Group>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
        {t('edit.discard')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('edit.discardTitle')}>
        <Stack>
          <Text>{t('edit.discardText')}</Text>
          <FormAlert message={discard.error ? errorMessage(discard.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" loading={discard.isPending} onClick={() => discard.mutate()}>
              {t('edit.discard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
