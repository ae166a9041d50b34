import { Checkbox, Group, Stack, Text } from '@mantine/core';
import type { Media } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { AltMissingBadge } from './alt-missing-badge.tsx';
import { MediaPreview } from './media-preview.tsx';

type Props = { media: Media; name: string; checked: boolean; disabled: boolean; onToggle: () => void };

/** One library item as a checkbox card: the whole card toggles, the tick shows the state. */
export function MediaPickCard({ media, name, checked, disabled, onToggle }: Props) {
  const { t } = useTranslation('media');
  return (
    <li>
      <Checkbox.Card
        checked={checked}
        onClick={onToggle}
        disabled={disabled}
        aria-label={t('picker.select', { name })}
        radius="md"
        withBorder
        style={{
          overflow: 'hidden',
          opacity: disabled ? 0.55 : 1,
          borderColor: checked ? 'var(--mantine-primary-color-filled)' : undefined,
          borderWidth: checked ? 2 : 1,
        }}
      >
        <MediaPreview media={media} name={name} height={120} />
        <Stack gap={4} p="xs">
          <Group gap="xs" wrap="nowrap">
            <Checkbox.Indicator aria-hidden />
            <Text size="sm" fw={500} truncate="end" title={name}>
              {name}
            </Text>
          </Group>
          <AltMissingBadge media={media} />
        </Stack>
      </Checkbox.Card>
    </li>
  );
}
