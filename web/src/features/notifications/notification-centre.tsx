import { Anchor, Button, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconBellOff, IconChecks } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { NotificationItem } from './notification-item.tsx';
import classes from './notifications.module.css';
import { useMarkRead, useNotifications } from './use-notifications.ts';
import { useOpenNotification } from './use-open-notification.ts';

export const CENTRE_TITLE_ID = 'notification-centre-title';
export const SETTINGS_PATH = '/einstellungen/benachrichtigungen';

type Props = {
  onClose: () => void;
  announce: (message: string) => void;
};

/** The bell's content: newest first, "Alle als gelesen markieren", "Mehr laden". */
export function NotificationCentre({ onClose, announce }: Props) {
  const { t } = useTranslation('notifications');
  const session = useSession();
  const { query, items, unreadCount } = useNotifications();
  const markRead = useMarkRead();
  const open = useOpenNotification(onClose);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // After "Mehr laden" focus moves to the first new item, so keyboard users continue where they were.
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

  useEffect(() => {
    if (focusFrom === null || items.length <= focusFrom) return;
    listRef.current?.querySelectorAll<HTMLButtonElement>('button')[focusFrom]?.focus();
    setFocusFrom(null);
  }, [focusFrom, items.length]);

  const markAll = () => {
    markRead.mutate({ all: true }, { onSuccess: () => announce(t('centre.markAllDone')) });
    // The button disappears with the unread count; the heading keeps focus inside the popover.
    titleRef.current?.focus();
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h5" id={CENTRE_TITLE_ID} ref={titleRef} tabIndex={-1}>
          {t('centre.title')}
        </Title>
        {unreadCount > 0 && (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconChecks size={16} aria-hidden />}
            onClick={markAll}
          >
            {t('centre.markAll')}
          </Button>
        )}
      </Group>
      {query.isPending && <Loader size="sm" mx="auto" my="md" aria-label={t('centre.title')} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Stack gap={4} align="center" py="lg" ta="center">
          <IconBellOff size={28} aria-hidden stroke={1.5} color="var(--mantine-color-dimmed)" />
          <Text fw={600}>{t('centre.empty')}</Text>
          <Text size="sm" c="dimmed">
            {t('centre.emptyHint')}
          </Text>
        </Stack>
      )}
      {items.length > 0 && (
        <ScrollArea.Autosize mah="min(60vh, 480px)" type="auto" offsetScrollbars>
          <ul className={classes.list} ref={listRef} aria-label={t('centre.listLabel')}>
            {items.map((item, index) => (
              <li key={item.id}>
                <NotificationItem
                  notification={item}
                  showOrganisation={session.organisations.length > 1}
                  onOpen={(notification) => void open(notification)}
                  autoFocus={index === 0}
                />
              </li>
            ))}
          </ul>
          {query.hasNextPage && (
            <Button
              variant="default"
              size="xs"
              fullWidth
              mt="xs"
              loading={query.isFetchingNextPage}
              onClick={() => {
                setFocusFrom(items.length);
                void query.fetchNextPage().then((result) => result.isError && setFocusFrom(null));
              }}
            >
              {t('centre.loadMore')}
            </Button>
          )}
        </ScrollArea.Autosize>
      )}
      <Anchor component={Link} to={SETTINGS_PATH} size="sm" onClick={onClose}>
        {t('centre.settings')}
      </Anchor>
    </Stack>
  );
}
