import { notifications } from '@mantine/notifications';
import type { Post, PostTarget } from '@nahbar/common';
import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/server-errors.ts';
import { channelKeys } from '../channels/channels-api.ts';
import { type PostPage, postKeys, postsApi } from './posts-api.ts';

export type TargetAction = 'schedule' | 'cancel' | 'takedown';

export function useTargetAction(orgId: string) {
  const { t } = useTranslation('posts');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, target }: { action: TargetAction; target: PostTarget }) => {
      if (action === 'schedule') return postsApi.schedule(orgId, target.id, { mode: 'now' });
      if (action === 'cancel') return postsApi.cancel(orgId, target.id);
      return postsApi.takedown(orgId, target.id);
    },
    onSuccess: (updated, { action, target }) => {
      const withTarget = (post: Post): Post => ({
        ...post,
        targets: post.targets.map((item) => (item.id === updated.id ? { ...item, ...updated } : item)),
      });
      // Every loaded page of every filtered list shows the new state at once; the refetch follows.
      queryClient.setQueriesData<InfiniteData<PostPage>>({ queryKey: postKeys.lists(orgId) }, (old) =>
        old ? { ...old, pages: old.pages.map((page) => ({ ...page, posts: page.posts.map(withTarget) })) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: postKeys.all(orgId) });
      void queryClient.invalidateQueries({ queryKey: ['org', orgId, 'post'] });
      void queryClient.invalidateQueries({ queryKey: channelKeys.list(orgId) });
      notifications.show({ color: 'petrol', message: t(`done.${action}`, { name: target.channelName }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}
