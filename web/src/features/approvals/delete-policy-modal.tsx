import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ApprovalPolicy } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { approvalKeys, approvalsApi } from './approvals-api.ts';

type Props = { orgId: string; policy: ApprovalPolicy | null; onClose: () => void };

/** Deleting asks first: posts already in review keep their steps, new ones no longer get this policy. */
export function DeletePolicyModal({ orgId, policy, onClose }: Props) {
  const { t } = useTranslation(['approvals', 'common']);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => approvalsApi.deletePolicy(orgId, id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.policies(orgId) });
      onClose();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={policy !== null} onClose={close} title={t('policies.delete.title', { name: policy?.name ?? '' })}>
      <Stack>
        <FormAlert message={remove.error ? errorMessage(remove.error) : null} />
        <Text>{t('policies.delete.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => policy && remove.mutate(policy.id)}>
            {t('policies.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
