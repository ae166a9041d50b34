import { Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error.tsx';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';
import { wordDiff } from './review-word-diff.ts';

type Props = { orgId: string; postId: string; version: number };

// Not by colour alone: deletions are struck through, insertions underlined, and both are named
// for screen readers.
const INS = {
  textDecoration: 'underline',
  textDecorationThickness: 2,
  background: 'var(--mantine-color-green-1)',
  color: 'var(--mantine-color-text)',
};
const DEL = {
  textDecoration: 'line-through',
  textDecorationThickness: 2,
  background: 'var(--mantine-color-red-1)',
  color: 'var(--mantine-color-text)',
};

/** „Änderungen seit der Freigabe“: the approved version against the one on screen, word by word. */
export function ReviewDiffSection({ orgId, postId, version }: Props) {
  const { t } = useTranslation('posts');
  const diff = useQuery({
    queryKey: [...approvalKeys.diff(orgId, postId), version],
    queryFn: () => approvalsApi.diff(orgId, postId),
  });
  if (diff.isError) return <QueryError error={diff.error} onRetry={() => void diff.refetch()} />;
  const data = diff.data;
  if (!data || data.approvedVersion === null) return null;
  const label = (field: string) =>
    field.startsWith('variant:')
      ? t('review.diff.variant', { name: field.slice('variant:'.length) })
      : t(`review.diff.fields.${field}`, { defaultValue: field });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-diff-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="review-diff-title">
          {t('review.diff.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('review.diff.versions', { approved: data.approvedVersion, current: data.currentVersion })}
        </Text>
        {data.fields.length === 0 ? (
          <Text size="sm">{t('review.diff.none')}</Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('review.diff.legend')}
            </Text>
            {data.fields.map((field) => (
              <Stack key={field.field} gap={4} data-testid="review-diff-field">
                <Title order={4} size="h6">
                  {label(field.field)}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {wordDiff(field.before, field.after).map((part, index) => {
                    const key = `${index}-${part.kind}`;
                    if (part.kind === 'same') return <span key={key}>{part.text}</span>;
                    const Tag = part.kind;
                    return (
                      <Tag key={key} style={part.kind === 'ins' ? INS : DEL}>
                        <VisuallyHidden>{t(`review.diff.${part.kind}Start`)}</VisuallyHidden>
                        {part.text}
                        <VisuallyHidden>{t(`review.diff.${part.kind}End`)}</VisuallyHidden>
                      </Tag>
                    );
                  })}
                </Text>
              </Stack>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
