import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Review, StepRole } from '@nahbar/common';
import { IconCheck, IconClock, IconCornerUpLeft, IconPointFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/use-formatters.ts';
import { type StepState, stepViews } from './review-steps.ts';

const ICONS: Record<StepState, { icon: typeof IconCheck; color: string }> = {
  done: { icon: IconCheck, color: 'green' },
  current: { icon: IconPointFilled, color: 'petrol' },
  stopped: { icon: IconCornerUpLeft, color: 'orange' },
  waiting: { icon: IconClock, color: 'gray' },
};

/** The steps in order; each says in words (not only by icon) whether it is done, due or waiting. */
export function ReviewStepper({ review, timeZone }: { review: Review; timeZone: string }) {
  const { t } = useTranslation(['posts', 'roles']);
  const { formatDateTime } = useFormatters();
  const roleName = (role: StepRole | null) =>
    role === 'external' ? t('posts:review.roles.external') : role ? t(`roles:${role}.label`) : '';
  return (
    <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('posts:review.panel.steps')}>
      {stepViews(review).map((step) => {
        const { icon: Icon, color } = ICONS[step.state];
        const roles = step.roles.map(roleName).join(', ');
        return (
          <Group key={step.index} component="li" align="flex-start" wrap="nowrap" gap="sm" data-testid="review-step">
            <ThemeIcon color={color} variant="light" radius="xl" size="md" aria-hidden>
              <Icon size={16} />
            </ThemeIcon>
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('posts:review.panel.stepTitle', { index: step.index + 1, name: step.name })}
                <Text span size="sm" fw={400} c="dimmed">
                  {' · '}
                  {t(`posts:review.panel.state.${step.state}`)}
                </Text>
              </Text>
              <Text size="xs" c="dimmed">
                {step.mode === 'all'
                  ? t('posts:review.panel.allOf', { roles })
                  : t('posts:review.panel.anyOf', { roles })}
                {step.mode === 'all' &&
                  ` · ${t('posts:review.panel.rolesCovered', { covered: step.covered, total: step.total })}`}
              </Text>
              {step.approvals.map((d) => (
                <Text key={d.id} size="xs">
                  {t('posts:review.panel.approvedBy', {
                    name: d.name,
                    role: roleName(d.role),
                    at: formatDateTime(d.at, timeZone),
                  })}
                </Text>
              ))}
              {step.state === 'current' && review.deadlineAt && (
                <Text size="xs" c={review.escalatedAt ? 'red.8' : 'dimmed'}>
                  {review.escalatedAt
                    ? t('posts:review.panel.overdue', { at: formatDateTime(review.deadlineAt, timeZone) })
                    : t('posts:review.panel.deadline', { at: formatDateTime(review.deadlineAt, timeZone) })}
                </Text>
              )}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}
