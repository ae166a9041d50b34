import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { PostTarget } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { useTargetAction } from './use-target-action.ts';

type Props = {
  orgId: string;
  target: PostTarget | null;
  onClose: () => void;
};

export function TakedownModal({ orgId, target, onClose }: Props) {
  const { t } = useTranslation(['posts', 'common']);
  const act = useTargetAction(orgId);
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('takedown.title', { name: target.channelName }) : ''}
    >
      <Stack>
        <Text>{t('takedown.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={act.isPending}
            onClick={() => target && act.mutate({ action: 'takedown', target }, { onSuccess: onClose })}
          >
            {t('takedown.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
