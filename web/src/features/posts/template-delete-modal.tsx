import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PostTemplate } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { postKeys, templatesApi } from './posts-api.ts';

type Props = { orgId: string; template: PostTemplate | null; onClose: () => void };

/** Posts made from a template keep their text: deleting only removes the starting point. */
export function DeleteTemplateModal({ orgId, template, onClose }: Props) {
  const { t } = useTranslation(['posts', 'common']);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => templatesApi.remove(orgId, id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: postKeys.templates(orgId) });
      notifications.show({ color: 'petrol', message: t('templates.deleted', { name: template?.name ?? '' }) });
      onClose();
    },
  });
  return (
    <Modal
      opened={template !== null}
      onClose={onClose}
      title={t('templates.deleteTitle', { name: template?.name ?? '' })}
    >
      <Stack>
        <Text>{t('templates.deleteText')}</Text>
        <FormAlert message={remove.error ? errorMessage(remove.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => template && remove.mutate(template.id)}>
            {t('templates.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
