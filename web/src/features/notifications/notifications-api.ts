import type { DeliveryMode, NotificationList, NotificationPreferences, NotificationType } from '@nahbar/common';
import { api, apiRequest } from '../../app/api.ts';

/** How many the bell shows at first; "Mehr laden" fetches the next page of the same size. */
export const PAGE_SIZE = 15;

/**
 * Notifications belong to the person, across organisations: the keys do not start with
 * ['org', orgId], so switching organisation keeps them (the org switcher still refreshes them).
 */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export const notificationsApi = {
  list: (cursor?: string) => {
    const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) search.set('cursor', cursor);
    return api.get<NotificationList>(`/notifications?${search}`);
  },
  markRead: (ids: string[]) => api.post<void>('/notifications/read', { ids }),
  markAllRead: () => api.post<void>('/notifications/read', { all: true }),
  preferences: () => api.get<NotificationPreferences>('/notifications/preferences'),
  updatePreferences: (modes: Partial<Record<NotificationType, DeliveryMode>>) =>
    apiRequest<NotificationPreferences>('PUT', '/notifications/preferences', { body: { modes } }),
};
