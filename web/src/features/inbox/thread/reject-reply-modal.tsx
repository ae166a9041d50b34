import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { ReasonField } from '../../../components/reason-field.tsx';
import { errorMessage } from '../../../components/server-errors.ts';
import { inboxApi } from '../inbox-api.ts';
import { useRefreshAfterDecision } from './use-refresh-after-decision.ts';

type Props = { orgId: string; replyId: string; opened: boolean; onClose: () => void };

/** Rejecting always says why: the author reads the reason and writes a better answer. */
export function RejectReplyModal({ orgId, replyId, opened, onClose }: Props) {
  const { t } = useTranslation(['inbox', 'common']);
  const refresh = useRefreshAfterDecision(orgId);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const reject = useMutation({
    mutationFn: (comment: string) => inboxApi.decide(orgId, replyId, { decision: 'reject', comment }),
    onSuccess: () => {
      notifications.show({ color: 'petrol', message: t('decision.rejected') });
      close();
    },
    onSettled: refresh,
  });
  const close = () => {
    setReason('');
    setInvalid(false);
    reject.reset();
    onClose();
  };
  const submit = () => {
    const comment = reason.trim();
    setInvalid(!comment);
    if (comment) reject.mutate(comment);
  };

  return (
    // A stray click beside the dialog must not throw away a reason already typed.
    <Modal opened={opened} onClose={close} title={t('decision.rejectTitle')} centered closeOnClickOutside={false}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <FormAlert message={reject.error ? errorMessage(reject.error) : null} />
          <ReasonField
            label={t('decision.reason')}
            description={t('decision.reasonHint')}
            requiredMessage={t('decision.reasonRequired')}
            invalid={invalid}
            maxLength={2000}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setInvalid(false);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending}>
              {t('decision.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
