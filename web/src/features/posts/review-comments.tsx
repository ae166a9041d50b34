import { Blockquote, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel, PostComment } from '@nahbar/common';
import { IconCheck, IconQuote, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';
import type { Passage } from './review-selection.ts';

const BASE = 'base';

type Props = {
  orgId: string;
  postId: string;
  timeZone: string;
  channels: Channel[];
  /** The passage selected in the composer's text, if any. */
  takeSelection: () => Passage | null;
};

/** Comments on the base text or one channel's version, optionally quoting a passage; resolvable. */
export function ReviewComments({ orgId, postId, timeZone, channels, takeSelection }: Props) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const queryClient = useQueryClient();
  const key = approvalKeys.comments(orgId, postId);
  const comments = useQuery({ queryKey: key, queryFn: () => approvalsApi.comments(orgId, postId) });
  const [about, setAbout] = useState<string>(BASE);
  const [quote, setQuote] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const channelName = (id: string | null) =>
    id === null
      ? t('review.comments.base')
      : t('review.comments.variant', { name: channels.find((c) => c.id === id)?.name ?? '—' });

  const quoteSelection = () => {
    const passage = takeSelection();
    setHint(passage ? null : t('review.comments.noSelection'));
    if (!passage) return;
    setQuote(passage.quote);
    setAbout(passage.channelId ?? BASE);
  };
  const add = async () => {
    if (!body.trim()) {
      setBodyError(t('review.comments.bodyRequired'));
      return;
    }
    setBusy(true);
    setBodyError(null);
    setError(null);
    try {
      await approvalsApi.addComment(orgId, postId, {
        channelId: about === BASE ? null : about,
        quote,
        body: body.trim(),
      });
      setBody('');
      setQuote(null);
      notifications.show({ color: 'green', message: t('review.comments.added') });
      void queryClient.invalidateQueries({ queryKey: approvalKeys.post(orgId, postId) });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const resolve = async (comment: PostComment) => {
    try {
      await approvalsApi.resolveComment(orgId, comment.id);
      void queryClient.invalidateQueries({ queryKey: key });
    } catch (caught) {
      notifications.show({ color: 'red', message: errorMessage(caught) });
    }
  };

  const items = comments.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-comments-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="review-comments-title">
          {t('review.comments.title')}
        </Title>
        {comments.isError && <QueryError error={comments.error} onRetry={() => void comments.refetch()} />}
        {comments.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('review.comments.none')}
          </Text>
        )}
        {items.length > 0 && (
          <Stack
            component="ul"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="review-comments-title"
          >
            {items.map((comment) => (
              <li key={comment.id} data-testid="review-comment">
                <Stack gap={4} style={{ opacity: comment.resolvedAt ? 0.75 : 1 }}>
                  <Text size="xs" c="dimmed">
                    {t('review.comments.meta', {
                      name: comment.authorName ?? t('review.someone'),
                      about: channelName(comment.channelId),
                      at: formatDateTime(comment.createdAt, timeZone),
                      version: comment.version,
                    })}
                    {comment.resolvedAt && ` · ${t('review.comments.resolved')}`}
                  </Text>
                  {comment.quote && (
                    <Blockquote p="xs" color="gray" fz="sm">
                      {comment.quote}
                    </Blockquote>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {comment.body}
                  </Text>
                  {!comment.resolvedAt && (
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      leftSection={<IconCheck size={14} aria-hidden />}
                      style={{ alignSelf: 'flex-start' }}
                      aria-label={t('review.comments.resolveLabel', {
                        name: comment.authorName ?? t('review.someone'),
                      })}
                      onClick={() => void resolve(comment)}
                    >
                      {t('review.comments.resolve')}
                    </Button>
                  )}
                </Stack>
              </li>
            ))}
          </Stack>
        )}
        <Select
          label={t('review.comments.about')}
          data={[
            { value: BASE, label: t('review.comments.base') },
            ...channels.map((c) => ({ value: c.id, label: t('review.comments.variant', { name: c.name }) })),
          ]}
          value={about}
          onChange={(value) => setAbout(value ?? BASE)}
          allowDeselect={false}
        />
        {quote ? (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Blockquote p="xs" color="petrol" fz="sm" style={{ flex: 1 }}>
              {quote}
            </Blockquote>
            <Button
              variant="subtle"
              size="compact-xs"
              color="gray"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => setQuote(null)}
            >
              {t('review.comments.removeQuote')}
            </Button>
          </Group>
        ) : (
          <Stack gap={2}>
            <Button
              variant="default"
              size="compact-sm"
              style={{ alignSelf: 'flex-start' }}
              leftSection={<IconQuote size={16} aria-hidden />}
              // Keep the text field's selection: a mouse-down on the button would not clear it anyway,
              // but the field must not lose it before we read it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={quoteSelection}
            >
              {t('review.comments.takeSelection')}
            </Button>
            <Text size="xs" c="dimmed" role={hint ? 'status' : undefined}>
              {hint ?? t('review.comments.selectionHint')}
            </Text>
          </Stack>
        )}
        <Textarea
          label={t('review.comments.body')}
          autosize
          minRows={2}
          maxLength={4000}
          value={body}
          error={bodyError}
          onChange={(event) => setBody(event.currentTarget.value)}
        />
        <FormAlert message={error ? errorMessage(error) : null} />
        <Button style={{ alignSelf: 'flex-start' }} loading={busy} onClick={() => void add()}>
          {t('review.comments.add')}
        </Button>
      </Stack>
    </Paper>
  );
}
