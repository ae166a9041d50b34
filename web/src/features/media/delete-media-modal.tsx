import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Media } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { mediaApi, mediaKeys } from './media-api.ts';
import { removeFromLists } from './media-cache.ts';

type Props = { orgId: string; target: { media: Media; name: string } | null; onClose: () => void };

/** Asks before deleting; a file still used in a post is refused by the server (409), and that reason is shown here. */
export function DeleteMediaModal({ orgId, target, onClose }: Props) {
  const { t } = useTranslation(['media', 'common']);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (media: Media) => mediaApi.remove(orgId, media.id),
    onSuccess: (_, media) => {
      removeFromLists(queryClient, orgId, media.id);
      void queryClient.invalidateQueries({ queryKey: mediaKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('delete.done', { name: target?.name ?? '' }) });
      close();
    },
  });
  function close() {
    remove.reset();
    onClose();
  }

  return (
    <Modal opened={target !== null} onClose={close} title={target ? t('delete.title', { name: target.name }) : ''}>
      <Stack>
        <FormAlert message={remove.error ? errorMessage(remove.error) : null} />
        <Text>{t('delete.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => target && remove.mutate(target.media)}>
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
