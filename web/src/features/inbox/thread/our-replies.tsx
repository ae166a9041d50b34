import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { InboxReply } from '@nahbar/common';
import {
  IconAlertCircle,
  IconCheck,
  IconCircleX,
  IconExternalLink,
  IconHourglass,
  IconLoader,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { useFormatters } from '../../../components/use-formatters.ts';
import { replyDecisionText } from './reply-approval-text.ts';
import { ReplyDecision } from './reply-decision.tsx';

const STATE_LOOK: Record<InboxReply['state'], { color: string; icon: typeof IconCheck }> = {
  pending_approval: { color: 'orange', icon: IconHourglass },
  rejected: { color: 'red', icon: IconCircleX },
  sending: { color: 'gray', icon: IconLoader },
  sent: { color: 'green', icon: IconCheck },
  failed: { color: 'red', icon: IconAlertCircle },
};

type Props = { orgId: string; replies: InboxReply[]; timeZone: string };

/**
 * Our answers from the inbox: waiting for approval, rejected with the reason, sent (and who
 * approved it), or failed with the network's own words.
 */
export function OurReplies({ orgId, replies, timeZone }: Props) {
  const { t } = useTranslation('inbox');
  const { formatDateTime } = useFormatters();
  if (replies.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('replies.title')}>
      <Title order={3} size="h5">
        {t('replies.title')}
      </Title>
      {replies.map((r) => {
        const look = STATE_LOOK[r.state];
        const decision = replyDecisionText(t, r);
        return (
          <Stack key={r.id} gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-petrol-3)' }}>
            <Group gap="xs" wrap="wrap">
              <StatusBadge color={look.color} icon={look.icon}>
                {t(`replies.state.${r.state}`)}
              </StatusBadge>
              <Text size="xs" c="dimmed">
                {r.authorName ?? ''} · {formatDateTime(r.createdAt, timeZone)}
                {decision && r.decision?.approved ? ` · ${decision}` : ''}
              </Text>
              {r.url && (
                <Anchor href={r.url} target="_blank" rel="noopener noreferrer" size="xs">
                  {t('replies.view')} <IconExternalLink size={12} aria-hidden />
                </Anchor>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {r.text}
            </Text>
            {r.state === 'rejected' && decision && (
              <Text size="sm" c="red.8">
                {decision}
              </Text>
            )}
            {r.state === 'failed' && r.error && (
              <Text size="sm" c="red.8" role="status">
                <strong>{t('replies.networkSays')}</strong> <q>{r.error}</q>
              </Text>
            )}
            {r.canDecide && <ReplyDecision orgId={orgId} reply={r} label={t('decision.label')} />}
          </Stack>
        );
      })}
    </Stack>
  );
}
