import { Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { Composer } from './composer.tsx';
import { pollWhileBusy } from './poll-while-busy.ts';
import { PostFiltersBar } from './post-filters-bar.tsx';
import { PostList } from './post-list.tsx';
import { type PostFilters, postKeys, postsApi } from './posts-api.ts';

/** /beitraege: "Neuer Beitrag" on top, the organisation's posts with filters below. */
export function PostsPage() {
  const { t } = useTranslation('posts');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('posts.read');
  const [filters, setFilters] = useState<PostFilters>({});
  const posts = useQuery({
    queryKey: postKeys.list(orgId, filters),
    queryFn: () => postsApi.list(orgId, filters),
    enabled: readable,
    // Keep showing the last list while a new filter loads, so the filter bar (and its focus) stays.
    placeholderData: keepPreviousData,
    refetchInterval: (query) => pollWhileBusy(query.state.data),
  });
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
      {canDraft && channels.isPending && <PageLoader />}
      {canDraft && channels.isError && <QueryError error={channels.error} onRetry={() => void channels.refetch()} />}
      {canDraft && channels.data && (
        <Composer org={org} channels={usable} can={{ publish: can.publish, managePlan: allowed('plan.manage') }} />
      )}
      {posts.isPending && <PageLoader />}
      {posts.isError && <QueryError error={posts.error} onRetry={() => void posts.refetch()} />}
      {posts.data && (
        <PostList
          orgId={org.id}
          timeZone={org.timeZone}
          posts={posts.data}
          can={can}
          filtered={Object.values(filters).some(Boolean)}
          filters={<PostFiltersBar orgId={org.id} value={filters} onChange={setFilters} />}
        />
      )}
    </Stack>
  );
}
