import { Badge, Blockquote, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { MembershipSummary, Review } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/use-formatters.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { ReviewDecide } from './review-decide.tsx';
import { ReviewLinkDialog } from './review-link-dialog.tsx';
import { ReviewLinksList } from './review-links-list.tsx';
import { ReviewStepper } from './review-stepper.tsx';

const STATUS_COLOR: Record<Review['status'], string> = {
  in_review: 'petrol',
  changes_requested: 'orange',
  rejected: 'red',
  approved: 'green',
  withdrawn: 'gray',
};

type Props = {
  org: MembershipSummary;
  review: Review;
  /** The post version on screen: what a decision is about. */
  version: number;
  onReloadPost: () => Promise<void>;
};

/** „Freigabestatus“: the steps, the plan carried out on approval, the decisions, and one's own. */
export function ReviewStatusPanel({ org, review, version, onReloadPost }: Props) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const { allowed } = useOrgAccess();
  const step = review.steps[review.currentStep];
  const linkAllowed =
    review.status === 'in_review' &&
    Boolean(step?.roles.includes('external')) &&
    (allowed('approvals.manage') || org.roles.some((role) => step?.roles.includes(role)));
  const when = review.when;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-panel-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="review-panel-title">
            {t('review.panel.title')}
          </Title>
          <Badge color={STATUS_COLOR[review.status]} variant="light" c="var(--mantine-color-text)">
            {t(`review.panel.status.${review.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('review.panel.submitted', {
            policy: review.policyName,
            name: review.submittedByName ?? t('review.someone'),
            at: formatDateTime(review.submittedAt, org.timeZone),
          })}
        </Text>
        <ReviewStepper review={review} timeZone={org.timeZone} />
        {when && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('review.panel.plan')}
            </Text>{' '}
            {when.mode === 'at'
              ? t('review.panel.plans.at', { at: formatDateTime(when.at, org.timeZone) })
              : t(`review.panel.plans.${when.mode}`)}
          </Text>
        )}
        <Divider />
        <Title order={4} size="h6">
          {t('review.panel.decisions')}
        </Title>
        {review.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('review.panel.noDecisions')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('review.panel.decisions')}
          >
            {review.decisions.map((d) => (
              <li key={d.id} data-testid="review-decision">
                <Text size="sm">
                  {t(`review.panel.decision.${d.decision}`, { name: d.name })}
                  <Text span size="xs" c="dimmed">
                    {' · '}
                    {t('review.panel.decisionMeta', {
                      at: formatDateTime(d.at, org.timeZone),
                      version: d.version,
                    })}
                  </Text>
                </Text>
                {d.comment && (
                  <Blockquote p="xs" mt={4} color="gray" fz="sm">
                    {d.comment}
                  </Blockquote>
                )}
              </li>
            ))}
          </Stack>
        )}
        {review.status === 'in_review' && (
          <>
            <Divider />
            <ReviewDecide org={org} review={review} version={version} onReloadPost={onReloadPost} />
          </>
        )}
        {linkAllowed && (
          <>
            <ReviewLinkDialog orgId={org.id} reviewId={review.id} />
            <ReviewLinksList orgId={org.id} reviewId={review.id} timeZone={org.timeZone} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
