import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { approvalKeys, approvalsApi } from './approvals-api.ts';
import { PendingRepliesSection } from './pending-replies-section.tsx';
import { ReviewQueueItem } from './review-queue-item.tsx';

const REFRESH_MS = 60_000;

/** "Zur Freigabe": the posts whose current step waits for the signed-in person, then inbox answers. */
export function ReviewQueuePage() {
  const { t } = useTranslation('approvals');
  const { org, allowed } = useOrgAccess();
  const readable = Boolean(org) && allowed('posts.read');
  const queue = useQuery({
    queryKey: approvalKeys.queue(org?.id ?? ''),
    queryFn: () => approvalsApi.queue(org?.id ?? ''),
    enabled: readable,
    refetchInterval: REFRESH_MS,
  });
  if (!org || !readable) return <NoPermission />;
  const items = queue.data?.items ?? [];
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('queue.title')} description={t('queue.description')} />
      <Title order={2} size="h3">
        {t('queue.postsTitle')}
      </Title>
      {queue.isPending && <PageLoader />}
      {queue.isError && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isSuccess && items.length === 0 && (
        <Stack gap={4} role="status">
          <Text fw={600}>{t('queue.emptyTitle')}</Text>
          <Text c="dimmed">{t('queue.emptyText')}</Text>
        </Stack>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('queue.listLabel')}>
          {items.map((item) => (
            <ReviewQueueItem key={item.review.id} item={item} timeZone={org.timeZone} />
          ))}
        </Stack>
      )}
      <PendingRepliesSection orgId={org.id} timeZone={org.timeZone} />
    </Stack>
  );
}
