import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder until the people & consent pages land (issue #5). */
export function PrivacyPage() {
  const { t } = useTranslation('people');
  return <Text>{t('comingSoon')}</Text>;
}
