import { Badge } from '@mantine/core';
import type { Media } from '@nahbar/common';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Images and videos need a description before they can be scheduled; captions do not. */
export function needsAlt(media: Media): boolean {
  return media.kind !== 'captions' && !media.alt?.trim();
}

/** "Alternativtext fehlt", in words and with an icon; dark text, the icon carries the colour. */
export function AltMissingBadge({ media }: { media: Media }) {
  const { t } = useTranslation('media');
  if (!needsAlt(media)) return null;
  return (
    <Badge
      variant="light"
      color="orange"
      c="var(--mantine-color-text)"
      leftSection={<IconAlertTriangle size={12} aria-hidden color="var(--mantine-color-orange-8)" />}
    >
      {t('item.altMissing')}
    </Badge>
  );
}
