import type { Media, MediaList } from '@nahbar/common';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { mediaKeys } from './media-api.ts';

/**
 * Puts a changed item into every loaded list page in place, so saving an alt text does not reload
 * (and reshuffle) a long library the person has paged through.
 */
export function replaceInLists(queryClient: QueryClient, orgId: string, media: Media): void {
  queryClient.setQueriesData<InfiniteData<MediaList>>({ queryKey: [...mediaKeys.all(orgId), 'list'] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === media.id ? media : item)),
          })),
        }
      : data,
  );
}

/** Drops a deleted item from every loaded page at once; a refetch follows to settle the cursors. */
export function removeFromLists(queryClient: QueryClient, orgId: string, id: string): void {
  queryClient.setQueriesData<InfiniteData<MediaList>>({ queryKey: [...mediaKeys.all(orgId), 'list'] }, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })) }
      : data,
  );
}
