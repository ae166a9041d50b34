import { Divider, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { DeliveryModeRow } from './delivery-mode-row.tsx';
import { NOTIFICATION_TYPES } from './notification-types.ts';
import { notificationKeys, notificationsApi } from './notifications-api.ts';
import { useUpdatePreferences } from './use-update-preferences.ts';

/** Einstellungen → Benachrichtigungen: per type, e-mail at once, a daily summary, or only in nahbar. */
export function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  const { user } = useSession();
  const preferences = useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.preferences });
  const update = useUpdatePreferences();

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap="xs">
        <Text size="sm">{t('settings.intro', { email: user.email })}</Text>
        <Text size="sm">{t('settings.dailyHint')}</Text>
        <Text size="sm" c="dimmed">
          {t('settings.laterHint')}
        </Text>
      </Stack>
      {preferences.isPending && <PageLoader />}
      {preferences.isError && <QueryError error={preferences.error} onRetry={() => void preferences.refetch()} />}
      {preferences.data && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            {NOTIFICATION_TYPES.map((type, index) => (
              <Fragment key={type}>
                {index > 0 && <Divider />}
                <DeliveryModeRow
                  type={type}
                  value={preferences.data.modes[type]}
                  onChange={(mode) => update.mutate({ type, mode })}
                />
              </Fragment>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
