import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error.tsx';
import { useFormatters } from '../../components/use-formatters.ts';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';
import { timelineSentence } from './review-timeline-text.ts';

type Props = { orgId: string; postId: string; timeZone: string; version: number };

/** „Verlauf des Beitrags“: every event, oldest first, as a sentence with its time in the org's zone. */
export function ReviewTimeline({ orgId, postId, timeZone, version }: Props) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const timeline = useQuery({
    queryKey: [...approvalKeys.timeline(orgId, postId), version],
    queryFn: () => approvalsApi.timeline(orgId, postId),
    placeholderData: (previous) => previous,
  });
  const items = timeline.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-timeline-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="review-timeline-title">
          {t('review.timeline.title')}
        </Title>
        {timeline.isError && <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />}
        {timeline.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('review.timeline.none')}
          </Text>
        )}
        {items.length > 0 && (
          <Stack
            component="ol"
            gap="xs"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="review-timeline-title"
          >
            {items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id, and the list only grows at its end
              <li key={`${item.at}-${item.action}-${item.channelName ?? ''}-${index}`} data-testid="timeline-item">
                <Text size="xs" c="dimmed">
                  <time dateTime={item.at}>{formatDateTime(item.at, timeZone)}</time>
                </Text>
                <Text size="sm">{timelineSentence(t, item)}</Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
