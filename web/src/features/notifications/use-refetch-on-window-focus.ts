import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { notificationKeys } from './notifications-api.ts';

const FRESH_MS = 10_000;

/**
 * React Query refetches when the tab becomes visible, but not when someone returns from another
 * program to a tab that stayed visible (a second screen); the bell should be right then too.
 */
export function useRefetchOnWindowFocus(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onFocus = () => {
      const updatedAt = queryClient.getQueryState(notificationKeys.list)?.dataUpdatedAt ?? 0;
      if (Date.now() - updatedAt > FRESH_MS) void queryClient.refetchQueries({ queryKey: notificationKeys.list });
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [queryClient]);
}
