import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import type { MediaKind } from '@nahbar/common';
import { IconUpload } from '@tabler/icons-react';
import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptFor } from './media-files.ts';

type Props = {
  onFiles: (files: File[]) => void;
  /** Limits the file dialog (the server still decides what it takes). */
  kinds?: readonly MediaKind[];
  compact?: boolean;
};

const ALL_KINDS: readonly MediaKind[] = ['image', 'video', 'captions'];

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/** Native drag and drop onto the area, and a file button for everyone who does not drag (keyboard, touch). */
export function UploadDropZone({ onFiles, kinds, compact = false }: Props) {
  const { t } = useTranslation('media');
  const titleId = useId();
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child; count them so the highlight does not flicker.
  const depth = useRef(0);
  const shown = kinds && kinds.length > 0 ? kinds : ALL_KINDS;

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setOver(true);
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    onFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      withBorder
      radius="md"
      p={compact ? 'md' : 'xl'}
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Stack align="center" gap="xs" ta="center">
        <IconUpload size={compact ? 28 : 40} stroke={1.5} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text id={titleId} fw={600}>
          {over ? t('upload.dropNow') : t('upload.dropTitle')}
        </Text>
        <Text size="sm" c="dimmed">
          {shown.map((kind) => t(`upload.accepts.${kind}`)).join(' · ')}
        </Text>
        <FileButton multiple accept={acceptFor(kinds)} onChange={(files) => onFiles(files)}>
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconUpload size={18} aria-hidden />}>
              {t('upload.choose')}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
