import { Button, CloseButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Upload } from './use-uploads.ts';

type Props = {
  uploads: Upload[];
  onDismiss: (key: string) => void;
  onClearFinished: () => void;
};

function UploadStatus({ upload }: { upload: Upload }) {
  const { t } = useTranslation('media');
  const text = statusText(upload, t);
  return (
    <Text size="xs" c="dimmed">
      {text}
    </Text>
  );
}

function statusText(upload: Upload, t: TFunction<'media'>): string {
  if (upload.status === 'waiting') return t('upload.waiting');
  if (upload.status === 'done') return t('upload.done');
  if (upload.status === 'failed') return t('upload.failed');
  // All bytes sent: the server is re-encoding or checking the file now.
  if (upload.progress >= 1) return t('upload.processing');
  return t('upload.uploading', { percent: Math.round(upload.progress * 100) });
}

/** One row per file: its own bar while it goes up, then done or the server's reason in plain words. */
export function UploadList({ uploads, onDismiss, onClearFinished }: Props) {
  const { t } = useTranslation('media');
  if (uploads.length === 0) return null;
  const finished = uploads.some((u) => u.status === 'done' || u.status === 'failed');

  return (
    <Stack gap="xs" component="section" aria-label={t('upload.listLabel')}>
      {uploads.map((upload) => (
        <Paper key={upload.key} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" gap="sm" mb={upload.status === 'done' ? 0 : 6}>
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              {upload.status === 'done' && (
                <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
              )}
              {upload.status === 'failed' && (
                <IconAlertCircle size={18} color="var(--mantine-color-red-7)" aria-hidden />
              )}
              <Text size="sm" fw={500} truncate="end">
                {upload.name}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <UploadStatus upload={upload} />
              {(upload.status === 'done' || upload.status === 'failed') && (
                <CloseButton
                  size="sm"
                  aria-label={t('upload.dismiss', { name: upload.name })}
                  onClick={() => onDismiss(upload.key)}
                />
              )}
            </Group>
          </Group>
          {(upload.status === 'uploading' || upload.status === 'waiting') && (
            <Progress
              value={Math.round(upload.progress * 100)}
              animated={upload.progress >= 1}
              aria-label={t('upload.progress', { name: upload.name })}
              size="sm"
            />
          )}
          {upload.status === 'failed' && (
            <Text size="sm" c="red.7" role="alert">
              {upload.error}
            </Text>
          )}
        </Paper>
      ))}
      {finished && (
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" onClick={onClearFinished}>
            {t('upload.clearFinished')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
