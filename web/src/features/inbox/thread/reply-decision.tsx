import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InboxReply } from '@nahbar/common';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/server-errors.ts';
import { inboxApi } from '../inbox-api.ts';
import { RejectReplyModal } from './reject-reply-modal.tsx';
import { useRefreshAfterDecision } from './use-refresh-after-decision.ts';

type Props = { orgId: string; reply: Pick<InboxReply, 'id'>; label: string };

/**
 * „Freigeben und senden“ and „Ablehnen“ for a reply waiting for the viewer's approval — in the
 * thread and on the Freigaben page alike. `label` names the reply for screen readers when
 * several are listed.
 */
export function ReplyDecision({ orgId, reply, label }: Props) {
  const { t } = useTranslation('inbox');
  const refresh = useRefreshAfterDecision(orgId);
  const [rejecting, setRejecting] = useState(false);
  const approve = useMutation({
    mutationFn: () => inboxApi.decide(orgId, reply.id, { decision: 'approve', comment: null }),
    onSuccess: () => notifications.show({ color: 'green', message: t('decision.approved') }),
    // The network may refuse the approved reply: a toast, because the reply leaves this list
    // either way and the thread shows the network's own words.
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    onSettled: refresh,
  });
  return (
    <Group gap="sm" role="group" aria-label={label}>
      <Button
        size="sm"
        leftSection={<IconCheck size={16} aria-hidden />}
        loading={approve.isPending}
        onClick={() => approve.mutate()}
      >
        {t('decision.approve')}
      </Button>
      <Button
        size="sm"
        color="red"
        variant="outline"
        leftSection={<IconX size={16} aria-hidden />}
        disabled={approve.isPending}
        onClick={() => setRejecting(true)}
      >
        {t('decision.reject')}
      </Button>
      <RejectReplyModal orgId={orgId} replyId={reply.id} opened={rejecting} onClose={() => setRejecting(false)} />
    </Group>
  );
}
