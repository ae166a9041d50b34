import type { NotificationList } from '@nahbar/common';
import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationKeys, notificationsApi } from './notifications-api.ts';

const POLL_MS = 60_000;

type Pages = InfiniteData<NotificationList, string | undefined>;

/**
 * The newest notifications, page by page, and the unread count from the freshest page. Polled every
 * minute and when the window gets focus again, so the bell is right when someone comes back.
 */
export function useNotifications() {
  const query = useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => notificationsApi.list(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
  const pages = query.data?.pages ?? [];
  return {
    query,
    items: pages.flatMap((page) => page.items),
    unreadCount: pages[0]?.unreadCount ?? 0,
  };
}

/** Marks as read at once in the list (the person clicked, they expect it gone); the server follows. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { ids: string[] } | { all: true }) =>
      'all' in target ? notificationsApi.markAllRead() : notificationsApi.markRead(target.ids),
    onMutate: async (target) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.list });
      const previous = queryClient.getQueryData<Pages>(notificationKeys.list);
      if (previous) queryClient.setQueryData<Pages>(notificationKeys.list, markLocally(previous, target));
      return { previous };
    },
    onError: (_error, _target, context) => {
      if (context?.previous) queryClient.setQueryData(notificationKeys.list, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

function markLocally(data: Pages, target: { ids: string[] } | { all: true }): Pages {
  const now = new Date().toISOString();
  const hits = (id: string) => 'all' in target || target.ids.includes(id);
  let newlyRead = 0;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((item) => {
      if (item.readAt || !hits(item.id)) return item;
      newlyRead += 1;
      return { ...item, readAt: now };
    }),
  }));
  // Items beyond the loaded pages may be unread too: "all" clears the count, ids lower it by what changed.
  const unreadCount = 'all' in target ? 0 : Math.max(0, (pages[0]?.unreadCount ?? 0) - newlyRead);
  return { ...data, pages: pages.map((page, index) => (index === 0 ? { ...page, unreadCount } : page)) };
}
