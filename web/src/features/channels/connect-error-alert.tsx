import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { connectError } from './channel-errors.ts';

export function ConnectErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('channels');
  const problem = connectError(error);
  if (!problem) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
      <Text size="sm">{problem.message}</Text>
      {problem.networkMessage && problem.networkMessage !== problem.message && (
        <Text size="sm" mt={4}>
          {t('connectFailed')} <q>{problem.networkMessage}</q>
        </Text>
      )}
    </Alert>
  );
}
