import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DecisionKind, MembershipSummary, Review } from '@nahbar/common';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';
import { postKeys } from './posts-api.ts';

type Props = { org: MembershipSummary; review: Review; version: number; onReloadPost: () => Promise<void> };

/**
 * „Freigeben“, „Änderungen erbitten“, „Ablehnen“ for whoever may decide the current step; for
 * everyone else one line why not. A decision names the version on screen: if the post changed
 * meanwhile, the server refuses and the reviewer is asked to look at the new one.
 */
export function ReviewDecide({ org, review, version, onReloadPost }: Props) {
  const { t } = useTranslation(['posts', 'roles']);
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [busy, setBusy] = useState<DecisionKind | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: approvalKeys.all(org.id) });
    void queryClient.invalidateQueries({ queryKey: postKeys.detail(org.id, review.postId) });
  };

  if (!review.you.canDecide) {
    if (!review.you.refusal) return null;
    return (
      <Text size="sm" data-testid="review-refusal">
        {t(`posts:review.decide.refusal.${review.you.refusal}`)}
      </Text>
    );
  }

  const decide = async (decision: DecisionKind) => {
    const text = comment.trim();
    if (decision !== 'approve' && !text) {
      setCommentError(t('posts:review.decide.commentRequired'));
      return;
    }
    setCommentError(null);
    setError(null);
    setBusy(decision);
    try {
      await approvalsApi.decide(org.id, review.id, { decision, comment: text || null, baseVersion: version });
      setComment('');
      notifications.show({ color: 'green', message: t(`posts:review.decide.done.${decision}`) });
      refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  const stale = error instanceof ApiError && error.code === 'review_version_stale';
  const role = review.you.role;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('posts:review.decide.title')}
      </Text>
      {role && (
        <Text size="sm" c="dimmed">
          {t('posts:review.decide.as', {
            role: role === 'external' ? t('posts:review.roles.external') : t(`roles:${role}.label`),
          })}
        </Text>
      )}
      <Textarea
        label={t('posts:review.decide.comment')}
        description={t('posts:review.decide.commentHint')}
        autosize
        minRows={2}
        maxLength={2000}
        value={comment}
        error={commentError}
        onChange={(event) => setComment(event.currentTarget.value)}
      />
      {stale ? (
        <Alert color="orange" role="alert" title={t('posts:review.decide.staleTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('posts:review.decide.stale')}</Text>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => {
                setError(null);
                void onReloadPost().then(refresh);
              }}
            >
              {t('posts:review.decide.reload')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <FormAlert message={error ? errorMessage(error) : null} />
      )}
      <Group gap="sm">
        <Button loading={busy === 'approve'} disabled={busy !== null} onClick={() => void decide('approve')}>
          {t('posts:review.decide.approve')}
        </Button>
        <Button
          variant="default"
          loading={busy === 'request_changes'}
          disabled={busy !== null}
          onClick={() => void decide('request_changes')}
        >
          {t('posts:review.decide.requestChanges')}
        </Button>
        <Button
          color="red"
          variant="outline"
          loading={busy === 'reject'}
          disabled={busy !== null}
          onClick={() => void decide('reject')}
        >
          {t('posts:review.decide.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
