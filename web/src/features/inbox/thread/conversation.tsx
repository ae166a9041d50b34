import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { InboxItem, InboxThread } from '@nahbar/common';
import { IconAlertCircle, IconCheck, IconExternalLink, IconLoader } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { useFormatters } from '../../../components/use-formatters.ts';
import { atHandle } from '../handle.ts';

/** The rest of the conversation at the network, oldest first, so the comment is read in context. */
export function Conversation({ items, timeZone }: { items: InboxItem[]; timeZone: string }) {
  const { t } = useTranslation('inbox');
  const { formatDateTime } = useFormatters();
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('thread.conversation')}>
      <Title order={3} size="h5">
        {t('thread.conversation')}
      </Title>
      {items.map((c) => (
        <Stack key={c.id} gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          <Text size="xs" c="dimmed">
            <strong>{atHandle(c.author.handle)}</strong> · {formatDateTime(c.receivedAt, timeZone)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {c.text}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}

const STATE_LOOK = {
  sending: { color: 'gray', icon: IconLoader },
  sent: { color: 'green', icon: IconCheck },
  failed: { color: 'red', icon: IconAlertCircle },
} as const;

/** Our answers from the inbox, with the network's own words when one failed. */
export function OurReplies({ replies, timeZone }: { replies: InboxThread['replies']; timeZone: string }) {
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
        return (
          <Stack key={r.id} gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-petrol-3)' }}>
            <Group gap="xs" wrap="wrap">
              <StatusBadge color={look.color} icon={look.icon}>
                {t(`replies.state.${r.state}`)}
              </StatusBadge>
              <Text size="xs" c="dimmed">
                {r.authorName ?? ''} · {formatDateTime(r.createdAt, timeZone)}
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
            {r.state === 'failed' && r.error && (
              <Text size="sm" c="red.8" role="status">
                <strong>{t('replies.networkSays')}</strong> <q>{r.error}</q>
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
