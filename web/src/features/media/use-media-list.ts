import type { MediaKind, MediaList } from '@nahbar/common';
import { useInfiniteQuery } from '@tanstack/react-query';
import { mediaApi, mediaKeys } from './media-api.ts';

/** The library, newest first, one page at a time ("Mehr laden"); shared by the page and the picker. */
export function useMediaList(orgId: string, kind: MediaKind | null, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: mediaKeys.list(orgId, kind),
    queryFn: ({ pageParam }) => mediaApi.list(orgId, { kind, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: MediaList) => last.nextCursor ?? undefined,
    enabled: enabled && orgId !== '',
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { query, items };
}
