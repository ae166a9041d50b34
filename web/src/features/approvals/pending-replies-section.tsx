import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { approvalKeys, approvalsApi } from './approvals-api.ts';
import { PendingReplyItem } from './pending-reply-item.tsx';

const REFRESH_MS = 60_000;

/** „Antworten aus dem Posteingang“: inbox answers whose sending waits for the viewer's approval. */
export function PendingRepliesSection({ orgId, timeZone }: { orgId: string; timeZone: string }) {
  const { t } = useTranslation('approvals');
  const replies = useQuery({
    queryKey: approvalKeys.replies(orgId),
    queryFn: () => approvalsApi.pendingReplies(orgId),
    refetchInterval: REFRESH_MS,
  });
  const items = replies.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="pending-replies-title">
      <Stack gap={4}>
        <Title order={2} size="h3" id="pending-replies-title">
          {t('replies.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('replies.description')}
        </Text>
      </Stack>
      {replies.isPending && <PageLoader />}
      {replies.isError && <QueryError error={replies.error} onRetry={() => void replies.refetch()} />}
      {replies.isSuccess && items.length === 0 && (
        <Text c="dimmed" role="status">
          {t('replies.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('replies.listLabel')}>
          {items.map((pending) => (
            <PendingReplyItem key={pending.reply.id} orgId={orgId} pending={pending} timeZone={timeZone} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
