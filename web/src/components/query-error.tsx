import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { NoPermission } from './no-permission.tsx';

/** Shows why loading failed; 403 gets the plain "no permission" explanation. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) return <NoPermission />;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('errors.loadFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error instanceof Error ? error.message : t('errors.generic')}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
