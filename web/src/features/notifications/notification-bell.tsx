import { ActionIcon, Indicator, Popover } from '@mantine/core';
import type { NotificationList } from '@nahbar/common';
import { IconBell } from '@tabler/icons-react';
import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveRegion, useLiveRegion } from '../calendar/live-region.tsx';
import { CENTRE_TITLE_ID, NotificationCentre } from './notification-centre.tsx';
import { notificationKeys } from './notifications-api.ts';
import { useNotifications } from './use-notifications.ts';
import { useRefetchOnWindowFocus } from './use-refetch-on-window-focus.ts';

/** The header bell: unread count on a badge, the notification centre in a popover. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const [opened, setOpened] = useState(false);
  const queryClient = useQueryClient();
  const { unreadCount, query } = useNotifications();
  const [message, announce] = useLiveRegion();
  const previous = useRef<number | null>(null);
  useRefetchOnWindowFocus();

  // Announce only when more are unread than before: reading them (here or elsewhere) stays quiet.
  useEffect(() => {
    if (!query.isSuccess) return;
    if (previous.current !== null && unreadCount > previous.current) {
      announce(t('bell.arrived', { count: unreadCount }));
    }
    previous.current = unreadCount;
  }, [unreadCount, query.isSuccess, announce, t]);

  // Closed, the bell polls only the first page: pages fetched by "Mehr laden" are dropped.
  const toggle = (next: boolean) => {
    setOpened(next);
    if (next) return;
    queryClient.setQueryData<InfiniteData<NotificationList, string | undefined>>(notificationKeys.list, (data) =>
      data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
  };

  const label = unreadCount > 0 ? t('bell.labelUnread', { count: unreadCount }) : t('bell.label');
  return (
    <>
      <Popover
        opened={opened}
        onChange={toggle}
        position="bottom-end"
        width={420}
        shadow="md"
        trapFocus
        returnFocus
        withinPortal
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={label}
            aria-expanded={opened}
            onClick={() => toggle(!opened)}
          >
            <Indicator
              label={unreadCount > 99 ? '99+' : unreadCount}
              disabled={unreadCount === 0}
              size={16}
              offset={2}
              color="red"
            >
              <IconBell size={22} stroke={1.6} aria-hidden />
            </Indicator>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-labelledby={CENTRE_TITLE_ID} maw="calc(100vw - 16px)" p="sm">
          <NotificationCentre onClose={() => toggle(false)} announce={announce} />
        </Popover.Dropdown>
      </Popover>
      <LiveRegion message={message} />
    </>
  );
}
