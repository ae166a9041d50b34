import type { PersonKind, PersonList } from '@nahbar/common';
import { useInfiniteQuery } from '@tanstack/react-query';
import { peopleApi, peopleKeys } from './people-api.ts';

/** The register, one page at a time ("Mehr laden"), for a search and a kind. */
export function usePeopleList(orgId: string, q: string, kind: PersonKind | null, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: peopleKeys.list(orgId, q, kind),
    queryFn: ({ pageParam }) => peopleApi.list(orgId, { q: q || undefined, kind, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: PersonList) => last.nextCursor ?? undefined,
    enabled: enabled && orgId !== '',
    // Typing in the search keeps the old rows on screen instead of flashing a loader.
    placeholderData: (previous) => previous,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { query, items };
}
