import { Alert, Stack, Text } from '@mantine/core';
import type { PublicReview } from '@nahbar/common';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** After deciding (or opening a used link again): thanks, and what happens next. */
export function ReviewLinkDecided({ review }: { review: PublicReview }) {
  const { t } = useTranslation('approvals');
  const decision = review.decision ?? 'approve';
  return (
    <Stack gap="md">
      <Alert color="petrol" role="status" icon={<IconCircleCheck aria-hidden />} title={t('reviewLink.thanksTitle')}>
        {t(`reviewLink.thanks.${decision}`, { organisation: review.organisationName })}
      </Alert>
      <Text>{t('reviewLink.closeHint')}</Text>
    </Stack>
  );
}
