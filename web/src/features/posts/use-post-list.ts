import type { Post } from '@nahbar/common';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { pollWhileBusy } from './poll-while-busy.ts';
import { type PostFilters, type PostPage, postKeys, postsApi } from './posts-api.ts';

/**
 * The post list, newest first, one page of 50 at a time ("Mehr laden"). The filters are part of
 * the key: changing them starts over at the first page, and every further page keeps them.
 */
export function usePostList(orgId: string, filters: PostFilters, enabled: boolean) {
  const query = useInfiniteQuery({
    queryKey: postKeys.list(orgId, filters),
    queryFn: ({ pageParam }) => postsApi.list(orgId, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: PostPage) => last.nextCursor ?? undefined,
    enabled,
    // Keep showing the last list while a new filter loads, so the filter bar (and its focus) stays.
    placeholderData: keepPreviousData,
    refetchInterval: (q) => pollWhileBusy(q.state.data?.pages.flatMap((page) => page.posts)),
  });
  const posts: Post[] | undefined = query.data?.pages.flatMap((page) => page.posts);
  return { query, posts };
}
