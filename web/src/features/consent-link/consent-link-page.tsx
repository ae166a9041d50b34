import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder until the digital consent page lands (issue #5). */
export function ConsentLinkPage() {
  const { t } = useTranslation('people');
  return <Text>{t('comingSoon')}</Text>;
}
