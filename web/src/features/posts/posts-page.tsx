import { Stack } from '@mantine/core';
import type { Post } from '@nahbar/common';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { Composer } from './composer.tsx';
import { PostList } from './post-list.tsx';
import { postKeys, postsApi } from './posts-api.ts';

const POLL_MS = 3_000;

/**
 * Poll while the engine may still change a state the person is waiting to see: publishing, and
 * takedowns asked for that the job has neither finished nor given up on.
 */
function pollWhileBusy(posts: Post[] | undefined): number | false {
  const busy = posts?.some((p) =>
    p.targets.some(
      (t) =>
        t.state === 'scheduled' ||
        t.state === 'publishing' ||
        (t.state === 'published' && t.takedownRequestedAt !== null && t.error === null),
    ),
  );
  return busy ? POLL_MS : false;
}

export function PostsPage() {
  const { t } = useTranslation('posts');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('posts.read');
  const posts = useQuery({
    queryKey: postKeys.list(orgId),
    queryFn: () => postsApi.list(orgId),
    enabled: readable,
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
    <Stack gap="lg" maw={900}>
      <PageHeader title={t('title')} description={t('description', { timeZone: org.timeZone })} />
      {canDraft && channels.isPending && <PageLoader />}
      {canDraft && channels.isError && <QueryError error={channels.error} onRetry={() => void channels.refetch()} />}
      {canDraft && channels.data && <Composer org={org} channels={usable} canPublish={can.publish} />}
      {posts.isPending && <PageLoader />}
      {posts.isError && <QueryError error={posts.error} onRetry={() => void posts.refetch()} />}
      {posts.data && <PostList orgId={org.id} timeZone={org.timeZone} posts={posts.data} can={can} />}
    </Stack>
  );
}
