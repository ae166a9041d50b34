import { Button, Group, Paper, Stack, Table, Textarea, Title } from '@mantine/core';
import type { DecisionKind, PublicReview } from '@nahbar/common';
import { IconCheck, IconMessageCircle, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';
import { ReviewLinkPost } from './review-link-post.tsx';

type Props = { token: string; review: PublicReview };

/** An open link: who asks whom for which step, the post, then a comment and three buttons. */
export function ReviewLinkForm({ token, review }: Props) {
  const { t } = useTranslation('approvals');
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (decision: DecisionKind) =>
      approvalsApi.publicDecide(token, { decision, comment: comment.trim() || null }),
    onSuccess: (next) => queryClient.setQueryData(approvalKeys.publicReview(token), next),
    onError: (error) => {
      // Used, expired or revoked meanwhile: the page shows that state instead of the form.
      if (error instanceof ApiError && error.status === 410) {
        void queryClient.invalidateQueries({ queryKey: approvalKeys.publicReview(token) });
        return;
      }
      setFormError(errorMessage(error));
    },
  });
  const submit = (decision: DecisionKind) => {
    setFormError(null);
    // Asking for changes or saying no needs a reason the team can act on.
    if (decision !== 'approve' && !comment.trim()) {
      setCommentError(t('reviewLink.commentRequired'));
      document.getElementById('review-link-comment')?.focus();
      return;
    }
    setCommentError(null);
    decide.mutate(decision);
  };
  const pending = decide.isPending ? decide.variables : null;

  return (
    <Stack gap="lg">
      <Table variant="vertical" layout="fixed" withTableBorder aria-label={t('reviewLink.summaryLabel')}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={{ base: 120, sm: 180 }}>{t('reviewLink.organisation')}</Table.Th>
            <Table.Td>{review.organisationName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('reviewLink.reviewer')}</Table.Th>
            <Table.Td>{review.reviewerName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('reviewLink.step')}</Table.Th>
            <Table.Td>{review.stepName}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      <ReviewLinkPost post={review.post} />

      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" bg="var(--mantine-color-gray-0)">
        <Stack>
          <Title order={2} size="h3">
            {t('reviewLink.decisionHeading')}
          </Title>
          <FormAlert message={formError} />
          <Textarea
            id="review-link-comment"
            label={t('reviewLink.comment')}
            description={t('reviewLink.commentHint')}
            autosize
            minRows={3}
            maxLength={2000}
            value={comment}
            error={commentError}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <Button
              size="md"
              leftSection={<IconCheck aria-hidden size={18} />}
              loading={pending === 'approve'}
              disabled={decide.isPending && pending !== 'approve'}
              onClick={() => submit('approve')}
            >
              {t('reviewLink.approve')}
            </Button>
            <Button
              size="md"
              variant="default"
              leftSection={<IconMessageCircle aria-hidden size={18} />}
              loading={pending === 'request_changes'}
              disabled={decide.isPending && pending !== 'request_changes'}
              onClick={() => submit('request_changes')}
            >
              {t('reviewLink.requestChanges')}
            </Button>
            <Button
              size="md"
              variant="outline"
              color="red.8"
              leftSection={<IconX aria-hidden size={18} />}
              loading={pending === 'reject'}
              disabled={decide.isPending && pending !== 'reject'}
              onClick={() => submit('reject')}
            >
              {t('reviewLink.reject')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
