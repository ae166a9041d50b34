import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { Post, TargetState } from '@nahbar/common';
import { IconArrowLeft, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { Composer } from './composer.tsx';
import { DiscardDraftButton } from './discard-draft-button.tsx';
import { editBlock } from './edit-permission.ts';
import { postKeys, postsApi } from './posts-api.ts';
import { TakedownModal } from './takedown-modal.tsx';
import { TargetRow } from './target-row.tsx';

/** At the network already: the text there cannot change, and the channel stays with the post. */
const OUT: TargetState[] = ['publishing', 'published', 'taken_down'];

/** /beitraege/:postId — the same composer as for new posts, plus the channels' states and actions. */
export function PostEditPage() {
  const { t } = useTranslation('posts');
  const { postId = '' } = useParams();
  const { org, allowed } = useOrgAccess();
  const session = useSession();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('posts.read');
  const post = useQuery({
    queryKey: postKeys.detail(orgId, postId),
    queryFn: () => postsApi.get(orgId, postId),
    enabled: readable && postId !== '',
    // The composer keeps its own copy while one types; a background refetch must not reset it.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const channels = useQuery({
    queryKey: channelKeys.list(orgId),
    queryFn: () => channelsApi.list(orgId),
    enabled: readable,
  });
  if (!org || !readable) return <NoPermission />;
  if (post.isPending || channels.isPending) return <PageLoader />;
  if (post.isError) return <QueryError error={post.error} onRetry={() => void post.refetch()} />;
  if (channels.isError) return <QueryError error={channels.error} onRetry={() => void channels.refetch()} />;

  const data = post.data;
  const canPublish = allowed('posts.publish');
  const block = editBlock(data, session.user.id, { draft: allowed('posts.draft'), publish: canPublish });
  const editable = block === null;
  const own = new Set(data.targets.map((target) => target.channelId));
  const offered = channels.data.filter((c) => c.status !== 'disconnected' || own.has(c.id));
  const locked = data.targets.filter((target) => OUT.includes(target.state)).map((target) => target.channelId);

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/beitraege" size="sm">
        <IconArrowLeft size={14} aria-hidden /> {t('edit.back')}
      </Anchor>
      <PageHeader title={t('edit.title')} description={t('description', { timeZone: org.timeZone })} />
      {block && (
        <Alert color="gray" icon={<IconLock aria-hidden />} title={t('edit.readOnly')}>
          {block === 'notOwn' && data.authorName
            ? t('edit.blocked.notOwnBy', { name: data.authorName })
            : t(`edit.blocked.${block}`)}
        </Alert>
      )}
      {locked.length > 0 && (
        <Alert color="petrol" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('edit.publishedHint')}
        </Alert>
      )}
      <Composer
        key={data.id}
        org={org}
        channels={offered}
        can={{ publish: canPublish, managePlan: allowed('plan.manage') }}
        post={data}
        lockedChannelIds={locked}
        readOnly={!editable}
      />
      <TargetsCard orgId={org.id} timeZone={org.timeZone} post={data} canPublish={canPublish} />
      {editable && locked.length === 0 && <DiscardDraftButton orgId={org.id} postId={data.id} />}
    </Stack>
  );
}

function TargetsCard({
  orgId,
  timeZone,
  post,
  canPublish,
}: {
  orgId: string;
  timeZone: string;
  post: Post;
  canPublish: boolean;
}) {
  const { t } = useTranslation('posts');
  const { allowed } = useOrgAccess();
  const [takingDown, setTakingDown] = useState<Post['targets'][number] | null>(null);
  // The cached post follows target actions (they invalidate it); the composer keeps its own text.
  const fresh = useQuery({
    queryKey: [...postKeys.detail(orgId, post.id), 'targets'],
    queryFn: () => postsApi.get(orgId, post.id),
    initialData: post,
    refetchInterval: (query) =>
      query.state.data?.targets.some((target) => ['scheduled', 'publishing'].includes(target.state)) ? 3_000 : false,
  });
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="targets-title">
      <Title order={2} size="h4" id="targets-title">
        {t('edit.targets')}
      </Title>
      {fresh.data.targets.length === 0 && <Text c="dimmed">{t('edit.noTargets')}</Text>}
      <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="targets-title">
        {fresh.data.targets.map((target) => (
          <TargetRow
            key={target.id}
            orgId={orgId}
            timeZone={timeZone}
            target={target}
            can={{ publish: canPublish, takedown: allowed('posts.takedown') }}
            onTakedown={setTakingDown}
          />
        ))}
      </Stack>
      <TakedownModal orgId={orgId} target={takingDown} onClose={() => setTakingDown(null)} />
    </Card>
  );
}
