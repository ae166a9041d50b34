import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { Media } from '@nahbar/common';
import { IconBlur, IconTrash, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TaggingStatusBadge } from '../people/tagging-status-badge.tsx';
import { AltMissingBadge } from './alt-missing-badge.tsx';
import { AltTextField } from './alt-text-field.tsx';
import { formatBytes, formatDuration } from './media-files.ts';
import { MediaPreview } from './media-preview.tsx';

type Props = {
  orgId: string;
  media: Media;
  name: string;
  can: { edit: boolean; remove: boolean; tag?: boolean };
  onBlur: (media: Media) => void;
  onTag?: (media: Media) => void;
  onDelete: (media: Media) => void;
};

/** One item of the library: preview, facts, alt text and what may be done with it. */
export function MediaCard({ orgId, media, name, can, onBlur, onTag, onDelete }: Props) {
  const { t, i18n } = useTranslation(['media', 'people']);
  const facts = [
    media.kind !== 'captions' && media.width > 0 ? `${media.width} × ${media.height}` : null,
    media.durationMs !== null ? formatDuration(media.durationMs) : null,
    formatBytes(media.size, i18n.language),
  ].filter(Boolean);

  return (
    <Card withBorder radius="md" padding="sm" component="li">
      <Card.Section>
        <MediaPreview media={media} name={name} />
      </Card.Section>
      <Stack gap="xs" mt="sm">
        <Text fw={600} size="sm" truncate="end" title={name}>
          {name}
        </Text>
        <Group gap={6}>
          <Badge variant="light" color="gray">
            {t(`kind.${media.kind}`)}
          </Badge>
          {media.derivedFrom && (
            <Badge variant="light" color="petrol">
              {t('item.derived')}
            </Badge>
          )}
          <AltMissingBadge media={media} />
          <TaggingStatusBadge media={media} />
        </Group>
        <Text size="xs" c="dimmed">
          {facts.join(' · ')}
        </Text>
        {media.kind !== 'captions' && <AltTextField orgId={orgId} media={media} name={name} readOnly={!can.edit} />}
        <Group gap="xs" mt={4}>
          {can.tag && onTag && media.kind === 'image' && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconUsers size={16} aria-hidden />}
              onClick={() => onTag(media)}
              aria-label={t('people:tagging.actionFor', { name })}
            >
              {t('people:tagging.action')}
            </Button>
          )}
          {can.edit && media.kind === 'image' && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconBlur size={16} aria-hidden />}
              onClick={() => onBlur(media)}
              aria-label={t('item.blurFor', { name })}
            >
              {t('item.blur')}
            </Button>
          )}
          {can.remove && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onDelete(media)}
              aria-label={t('item.deleteFor', { name })}
            >
              {t('item.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
