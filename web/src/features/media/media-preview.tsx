import { Center, Image, Stack, Text } from '@mantine/core';
import type { Media } from '@nahbar/common';
import { IconBadgeCc, IconMovie, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './media-files.ts';

const ICONS = { image: IconPhoto, video: IconMovie, captions: IconBadgeCc } as const;

/**
 * The thumbnail when the server has one, otherwise an icon card (captions; videos without a frame).
 * The image's alt is the item's own description, or a neutral "Vorschau von …".
 */
export function MediaPreview({ media, name, height = 160 }: { media: Media; name: string; height?: number }) {
  const { t } = useTranslation('media');
  if (media.thumbUrl) {
    return (
      <Image
        src={media.thumbUrl}
        alt={media.alt?.trim() || t('preview', { name })}
        h={height}
        fit="cover"
        loading="lazy"
        bg="var(--mantine-color-default-hover)"
      />
    );
  }
  const Icon = ICONS[media.kind];
  return (
    <Center
      h={height}
      bg="var(--mantine-color-default-hover)"
      role="img"
      aria-label={t('iconPreview', { kind: t(`kind.${media.kind}`), name })}
    >
      <Stack align="center" gap={4}>
        <Icon size={48} stroke={1.3} aria-hidden color="var(--mantine-color-dimmed)" />
        {media.kind === 'video' && media.durationMs !== null && (
          <Text size="sm" c="dimmed" aria-hidden>
            {formatDuration(media.durationMs)}
          </Text>
        )}
      </Stack>
    </Center>
  );
}
