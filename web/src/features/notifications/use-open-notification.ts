import { notifications as toasts } from '@mantine/notifications';
import type { Notification, User } from '@nahbar/common';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { SESSION_KEY, updateSessionUser, useCurrentOrg } from '../../app/session.tsx';
import { useMarkRead } from './use-notifications.ts';

/**
 * Opening a notification marks it read and follows its link. Links are organisation pages
 * ("/beitraege/<id>"), so a notification from another organisation first switches to it — the
 * same way the organisation switcher does — or the page would look for the post in the wrong place.
 */
export function useOpenNotification(onOpened: () => void) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const current = useCurrentOrg();
  const markRead = useMarkRead();

  return async (notification: Notification) => {
    if (!notification.readAt) markRead.mutate({ ids: [notification.id] });
    onOpened();
    if (current && notification.orgId !== current.id) {
      try {
        const user = await api.patch<User>('/me', { lastOrgId: notification.orgId });
        updateSessionUser(user);
        void queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] && query.queryKey[0] !== 'notifications',
        });
      } catch (error) {
        toasts.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
        return;
      }
    }
    if (notification.link.startsWith('/')) navigate(notification.link);
  };
}
