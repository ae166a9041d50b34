import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder until the approval pages land (issue #6). */
export function PoliciesPage() {
  const { t } = useTranslation('approvals');
  return <Text>{t('comingSoon')}</Text>;
}
