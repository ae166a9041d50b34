import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { localeFor } from '../people/privacy-reason-text.ts';
import { policySentence } from './review-policy-text.ts';
import type { ReviewPlan } from './use-review-plan.ts';

/**
 * „Freigabe“ above the plan controls: whether this post needs approval, which steps and why; or
 * that the version on screen is approved and can be planned.
 */
export function ReviewPlanNote({ plan }: { plan: ReviewPlan }) {
  const { t, i18n } = useTranslation('posts');
  const policy = plan.policy?.policy ?? null;
  if (plan.action === 'plan') {
    if (!policy) return null;
    return (
      <Alert color="petrol" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('review.policy.title')}>
        {t('review.policy.approvedCurrent')}
      </Alert>
    );
  }
  const status = plan.review?.status;
  return (
    <Stack gap="xs">
      <Alert color="petrol" variant="light" icon={<IconShieldCheck aria-hidden />} title={t('review.policy.title')}>
        <Stack gap={4}>
          <Text size="sm">
            {policy
              ? policySentence(t, policy.steps, plan.policy?.matched ?? [], localeFor(i18n.language))
              : t('review.policy.contributor')}
          </Text>
          {status && status !== 'approved' && status !== 'withdrawn' && (
            <Text size="sm">{t(`review.policy.latest.${status}`)}</Text>
          )}
          {status === 'approved' && <Text size="sm">{t('review.policy.latest.approvedOlder')}</Text>}
        </Stack>
      </Alert>
      <Textarea
        label={t('review.submit.comment')}
        autosize
        minRows={2}
        maxLength={2000}
        value={plan.comment}
        onChange={(event) => plan.setComment(event.currentTarget.value)}
      />
    </Stack>
  );
}
