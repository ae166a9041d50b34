import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReviewQueue } from '@nahbar/common';
import { isStepOverdue } from '@nahbar/common/rules/approval';
import { IconClockExclamation, IconMoodKid } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../components/use-formatters.ts';

type Item = ReviewQueue['items'][number];

/** One post waiting for a decision: what it says, where and when it goes out, and which step it is in. */
export function ReviewQueueItem({ item, timeZone }: { item: Item; timeZone: string }) {
  const { t } = useTranslation('approvals');
  const { formatDateTime } = useFormatters();
  const { review, post } = item;
  const step = review.steps[review.currentStep];
  const overdue = isStepOverdue(step, new Date(review.stepStartedAt), new Date());
  const label = post.excerpt.slice(0, 80) || t('queue.untitled');
  return (
    <Card component="li" withBorder padding="md" radius="md" aria-label={label}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Badge color="petrol" c="var(--mantine-color-text)" variant="light" tt="none">
              {t('queue.step', {
                name: step?.name ?? '',
                n: review.currentStep + 1,
                count: review.steps.length,
              })}
            </Badge>
            {post.showsMinor && (
              <Badge
                color="orange"
                c="var(--mantine-color-text)"
                variant="light"
                tt="none"
                leftSection={<IconMoodKid size={14} aria-hidden />}
              >
                {t('queue.showsMinor')}
              </Badge>
            )}
          </Group>
          {overdue && review.deadlineAt && (
            <Group gap={4} wrap="nowrap">
              <IconClockExclamation size={16} aria-hidden color="var(--mantine-color-red-7)" />
              <Text size="sm" fw={600} c="red.8">
                {t('queue.overdueSince', { when: formatDateTime(review.deadlineAt, timeZone) })}
              </Text>
            </Group>
          )}
          {!overdue && review.deadlineAt && (
            <Text size="sm" c="dimmed">
              {t('queue.deadline', { when: formatDateTime(review.deadlineAt, timeZone) })}
            </Text>
          )}
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={4}>
          {post.excerpt || t('queue.untitled')}
        </Text>
        <Text size="sm" c="dimmed">
          {[
            post.authorName ? t('queue.author', { name: post.authorName }) : null,
            post.channelNames.length > 0 ? t('queue.channels', { names: post.channelNames.join(', ') }) : null,
            post.dueAt ? t('queue.planned', { when: formatDateTime(post.dueAt, timeZone) }) : t('queue.notPlanned'),
            t('queue.submitted', { when: formatDateTime(review.submittedAt, timeZone) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group>
          <Anchor
            component={Link}
            to={`/beitraege/${post.id}`}
            fw={600}
            aria-label={t('queue.openNamed', { text: label })}
          >
            {t('queue.open')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
