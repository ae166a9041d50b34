import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Notification } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/use-formatters.ts';
import { NotificationIcon } from './notification-icon.tsx';
import { notificationText } from './notification-text.ts';
import classes from './notifications.module.css';
import { relativeTime } from './relative-time.ts';

type Props = {
  notification: Notification;
  /** Only with several organisations: which one it is about. */
  showOrganisation: boolean;
  onOpen: (notification: Notification) => void;
  autoFocus?: boolean;
};

/** One notification as a button: opening it marks it read and goes where it points. */
export function NotificationItem({ notification, showOrganisation, onOpen, autoFocus }: Props) {
  const { t, i18n } = useTranslation('notifications');
  const { formatDateTime } = useFormatters();
  const unread = !notification.readAt;
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  return (
    <UnstyledButton
      className={classes.item}
      data-unread={unread || undefined}
      data-autofocus={autoFocus || undefined}
      onClick={() => onOpen(notification)}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <NotificationIcon type={notification.type} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} className={classes.text}>
            {notificationText(t, notification)}
          </Text>
          <Group gap={6} wrap="nowrap">
            {/* A word, not only a colour or weight, says it is new. */}
            {unread && (
              <Badge size="xs" variant="filled" color="petrol">
                {t('centre.unread')}
              </Badge>
            )}
            <Text size="xs" c="dimmed" truncate>
              {showOrganisation && `${notification.organisationName} · `}
              <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt)}>
                {relativeTime(notification.createdAt, Date.now(), locale)}
              </time>
            </Text>
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
