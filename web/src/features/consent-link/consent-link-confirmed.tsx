import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { PublicConsentRequest } from '@nahbar/common';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConsentText } from './consent-text.tsx';

/** After confirming (or opening a used link again): when, and how to withdraw. */
export function ConsentLinkConfirmed({ request }: { request: PublicConsentRequest }) {
  const { t, i18n } = useTranslation('people');
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const at = new Date(request.confirmedAt ?? Date.now());
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(at);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(at);
  return (
    <Stack gap="lg">
      <Alert
        color="petrol"
        role="status"
        icon={<IconCircleCheck aria-hidden />}
        title={t('consentLink.confirmedTitle')}
      >
        {t('consentLink.confirmedAt', { date, time })}
      </Alert>
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('consentLink.withdrawTitle')}
        </Title>
        <Text>{t('consentLink.withdrawText', { organisation: request.organisationName })}</Text>
      </Stack>
      {request.text.length > 0 && (
        <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('consentLink.keepText')}
            </Title>
            <ConsentText request={request} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
