import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/reason-modal.tsx';
import { inboxApi } from '../inbox-api.ts';
import { useRefreshAfterDecision } from './use-refresh-after-decision.ts';

type Props = { orgId: string; replyId: string; opened: boolean; onClose: () => void };

/** Rejecting always says why: the author reads the reason and writes a better answer. */
export function RejectReplyModal({ orgId, replyId, opened, onClose }: Props) {
  const { t } = useTranslation('inbox');
  const refresh = useRefreshAfterDecision(orgId);
  const reject = useMutation({
    mutationFn: (comment: string) => inboxApi.decide(orgId, replyId, { decision: 'reject', comment }),
    onSuccess: () => {
      notifications.show({ color: 'petrol', message: t('decision.rejected') });
      onClose();
    },
    onSettled: refresh,
  });
  return (
    <ReasonModal
      opened={opened}
      title={t('decision.rejectTitle')}
      field={{
        label: t('decision.reason'),
        description: t('decision.reasonHint'),
        requiredMessage: t('decision.reasonRequired'),
      }}
      maxLength={2000}
      submitLabel={t('decision.reject')}
      submitColor="red"
      pending={reject.isPending}
      error={reject.error}
      onSubmit={(comment) => reject.mutate(comment)}
      onClose={() => {
        reject.reset();
        onClose();
      }}
    />
  );
}
