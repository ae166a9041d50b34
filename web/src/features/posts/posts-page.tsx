import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { Composer } from './composer.tsx';
import { PostFiltersBar } from './post-filters-bar.tsx';
import { PostList } from './post-list.tsx';
import type { PostFilters } from './posts-api.ts';
import { usePostList } from './use-post-list.ts';

/** /beitraege: "Neuer Beitrag" on top, the organisation's posts with filters below. */
export function PostsPage() {
  const { t } = useTranslation('posts');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('posts.read');
  const [filters, setFilters] = useState<PostFilters>({});
  const { query: posts, posts: loaded } = usePostList(orgId, filters, readable);
  const channels = useQuery({
    queryKey: channelKeys.list(orgId),
    queryFn: () => channelsApi.list(orgId),
    enabled: readable && allowed('channels.read'),
  });
  if (!org || !readable) return <NoPermission />;
  const canDraft = allowed('posts.draft');
  const can = { publish: allowed('posts.publish'), takedown: allowed('posts.takedown') };
  const usable = channels.data?.filter((c) => c.status !== 'disconnected') ?? [];

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader title={t('title')} description={t('description', { timeZone: org.timeZone })} />
      {!canDraft && (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
          {t('readOnlyHint')}
        </Alert>
      )}
      {canDraft && channels.isPending && <PageLoader />}
      {canDraft && channels.isError && <QueryError error={channels.error} onRetry={() => void channels.refetch()} />}
      {canDraft && channels.data && (
        <Composer org={org} channels={usable} can={{ publish: can.publish, managePlan: allowed('plan.manage') }} />
      )}
      {posts.isPending && <PageLoader />}
      {posts.isError && <QueryError error={posts.error} onRetry={() => void posts.refetch()} />}
      {loaded && (
        <PostList
          orgId={org.id}
          timeZone={org.timeZone}
          posts={loaded}
          can={can}
          filtered={Object.values(filters).some(Boolean)}
          filters={<PostFiltersBar orgId={org.id} value={filters} onChange={setFilters} />}
          more={
            posts.hasNextPage &&
            !posts.isPlaceholderData && (
              <Center>
                <Button variant="default" loading={posts.isFetchingNextPage} onClick={() => void posts.fetchNextPage()}>
                  {t('list.loadMore')}
                </Button>
              </Center>
            )
          }
        />
      )}
    </Stack>
  );
}
