import { Stack } from '@mantine/core';
import type { Post } from '@nahbar/common';
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
import { PostList } from './post-list.tsx';
import { postKeys, postsApi } from './posts-api.ts';

const POLL_MS = 3_000;
/** A takedown the job could not finish by then has failed or is waiting for a retry. */
const TAKEDOWN_WAIT_MS = 120_000;

/** Takedowns asked for on this page: target id → when. */
type Requested = Record<string, number>;

/**
 * Poll while the engine may still change a state the person is waiting to see. A takedown runs
 * as a job and the target says so only once it is done, so poll for the ones asked for here.
 */
function pollWhileBusy(posts: Post[] | undefined, takedowns: Requested): number | false {
  const busy = posts?.some((p) =>
    p.targets.some(
      (t) =>
        t.state === 'scheduled' ||
        t.state === 'publishing' ||
        (t.state === 'published' && Date.now() - (takedowns[t.id] ?? 0) < TAKEDOWN_WAIT_MS),
    ),
  );
  return busy ? POLL_MS : false;
}

export function PostsPage() {
  const { t } = useTranslation('posts');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('posts.read');
  const [takedowns, setTakedowns] = useState<Requested>({});
  const posts = useQuery({
    queryKey: postKeys.list(orgId),
    queryFn: () => postsApi.list(orgId),
    enabled: readable,
    refetchInterval: (query) => pollWhileBusy(query.state.data, takedowns),
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
      {posts.data && (
        <PostList
          orgId={org.id}
          timeZone={org.timeZone}
          posts={posts.data}
          can={can}
          onTakedownRequested={(id) => setTakedowns((old) => ({ ...old, [id]: Date.now() }))}
        />
      )}
    </Stack>
  );
}
