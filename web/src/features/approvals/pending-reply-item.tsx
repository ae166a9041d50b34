import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { PendingReplies } from '@nahbar/common';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/use-formatters.ts';
import { NetworkIcon } from '../channels/network-icon.tsx';
import { ClassBadges } from '../inbox/class-badges.tsx';
import { atHandle } from '../inbox/handle.ts';
import { ReplyDecision } from '../inbox/thread/reply-decision.tsx';

type Pending = PendingReplies['items'][number];
type Props = { orgId: string; pending: Pending; timeZone: string };

const quoteStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * One answer waiting for approval, with everything needed to judge it: an approver usually
 * cannot open the inbox, so the comment and our post come along.
 */
export function PendingReplyItem({ orgId, pending, timeZone }: Props) {
  const { t } = useTranslation(['approvals', 'inbox', 'channels']);
  const { formatDateTime } = useFormatters();
  const { reply, item } = pending;
  const handle = atHandle(item.authorHandle);
  const label = t('approvals:replies.itemLabel', { handle });
  return (
    <Card component="li" withBorder padding="md" radius="md" aria-label={label}>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <NetworkIcon network={item.network} size={20} />
          <Text fw={600}>{item.channelName}</Text>
          <Text size="sm" c="dimmed">
            · {t(`inbox:kind.${item.kind}`)}
          </Text>
        </Group>
        {item.postText && (
          <Card withBorder padding="xs" radius="sm" bg="var(--mantine-color-gray-0)">
            <Text size="xs" fw={700} c="dimmed">
              {t('approvals:replies.ourPost')}
            </Text>
            <Text size="sm" lineClamp={3} style={quoteStyle}>
              {item.postText}
            </Text>
          </Card>
        )}
        <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" fw={700}>
              {t('approvals:replies.comment', { handle })}
            </Text>
            <ClassBadges classes={item.classes} />
          </Group>
          <Text size="sm" style={quoteStyle}>
            {item.text}
          </Text>
          {item.url && (
            <Anchor href={item.url} target="_blank" rel="noopener noreferrer" size="sm">
              {t('approvals:replies.viewComment', { network: t(`channels:networks.${item.network}`) })}{' '}
              <IconExternalLink size={12} aria-hidden />
            </Anchor>
          )}
        </Stack>
        <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-petrol-4)' }}>
          <Text size="sm" fw={700}>
            {reply.authorName
              ? t('approvals:replies.proposedBy', { name: reply.authorName })
              : t('approvals:replies.proposed')}
            <Text span size="sm" fw={400} c="dimmed">
              {` · ${formatDateTime(reply.createdAt, timeZone)}`}
            </Text>
          </Text>
          <Text style={quoteStyle}>{reply.text}</Text>
        </Stack>
        <ReplyDecision orgId={orgId} reply={reply} label={label} />
      </Stack>
    </Card>
  );
}
