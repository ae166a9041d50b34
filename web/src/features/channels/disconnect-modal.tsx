import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { channelKeys, channelsApi } from './channels-api.ts';

type Props = { orgId: string; channel: Channel | null; onClose: () => void };

export function DisconnectModal({ orgId, channel, onClose }: Props) {
  const { t } = useTranslation(['channels', 'common']);
  const queryClient = useQueryClient();
  const disconnect = useMutation({
    mutationFn: (target: Channel) => channelsApi.disconnect(orgId, target.id),
    onSuccess: (_, target) => {
      // The server keeps the channel as "disconnected" or drops it; either way, ask again.
      void queryClient.invalidateQueries({ queryKey: channelKeys.list(orgId) });
      void queryClient.invalidateQueries({ queryKey: ['org', orgId, 'posts'] });
      notifications.show({ color: 'petrol', message: t('disconnect.done', { name: target.name }) });
      onClose();
    },
  });
  const close = () => {
    disconnect.reset();
    onClose();
  };

  return (
    <Modal
      opened={channel !== null}
      onClose={close}
      title={channel ? t('disconnect.title', { name: channel.name }) : ''}
    >
      <Stack>
        <FormAlert message={disconnect.error ? errorMessage(disconnect.error) : null} />
        <Text>{t('disconnect.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" loading={disconnect.isPending} onClick={() => channel && disconnect.mutate(channel)}>
            {t('disconnect.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
