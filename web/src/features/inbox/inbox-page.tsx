import { Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert.tsx';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { inboxApi, inboxKeys } from './inbox-api.ts';
import { type FilterState, INITIAL_FILTERS, InboxFilterBar, toApiFilters } from './inbox-filters.tsx';
import { InboxList } from './inbox-list.tsx';
import { ThreadPanel } from './thread/thread-panel.tsx';

// New comments arrive through the poll job in the background; a minute keeps the list current
// without hammering the server.
const REFRESH_MS = 60_000;

export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('inbox.read');
  const { itemId = null } = useParams();
  const desktop = useMediaQuery('(min-width: 62em)', true);
  const [filters, setFilters] = useState<FilterState>(INITIAL_FILTERS);
  const queryClient = useQueryClient();
  const apiFilters = toApiFilters(filters);

  const list = useInfiniteQuery({
    queryKey: inboxKeys.list(orgId, apiFilters),
    queryFn: ({ pageParam }) => inboxApi.list(orgId, apiFilters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    enabled: readable,
    refetchInterval: REFRESH_MS,
  });
  const channels = useQuery({
    queryKey: channelKeys.list(orgId),
    queryFn: () => channelsApi.list(orgId),
    enabled: readable,
  });
  const fetchNow = useMutation({
    mutationFn: () => inboxApi.fetchNow(orgId),
    onSuccess: ({ fetched }) => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('fetch.done', { count: fetched }) });
    },
  });

  if (!org || !readable) return <NoPermission />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const thread = itemId ? <ThreadPanel key={itemId} org={org} itemId={itemId} /> : null;

  // Small screens: the thread is its own page with a way back.
  if (!desktop && itemId) {
    return (
      <Stack gap="md">
        <Anchor component={Link} to="/posteingang" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t('thread.back')}
          </Group>
        </Anchor>
        {thread}
      </Stack>
    );
  }

  const listColumn = (
    <Stack gap="md">
      <InboxFilterBar value={filters} onChange={setFilters} channels={channels.data ?? []} />
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <InboxList
          items={items}
          selectedId={itemId}
          timeZone={org.timeZone}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      )}
    </Stack>
  );

  return (
    <Stack gap={0}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeader title={t('title')} description={t('description', { timeZone: org.timeZone })} />
        {allowed('inbox.answer') && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={fetchNow.isPending}
            onClick={() => fetchNow.mutate()}
          >
            {t('fetch.now')}
          </Button>
        )}
      </Group>
      <FormAlert message={fetchNow.error ? errorMessage(fetchNow.error) : null} />
      {desktop ? (
        <Grid gap="lg">
          <Grid.Col span={5}>{listColumn}</Grid.Col>
          <Grid.Col span={7}>{thread ?? <Text c="dimmed">{t('thread.none')}</Text>}</Grid.Col>
        </Grid>
      ) : (
        listColumn
      )}
    </Stack>
  );
}
