import { CloseButton, Fieldset, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type BlurRect, clampRect, fromPercent, MIN_SIZE, toPercent } from './blur-rects.ts';

type Props = {
  rects: BlurRect[];
  selected: number | null;
  onChange: (index: number, rect: BlurRect) => void;
  onRemove: (index: number) => void;
  onSelect: (index: number) => void;
};

const FIELDS = ['x', 'y', 'width', 'height'] as const;

/**
 * The keyboard way to place areas: position and size in percent of the image, arrow keys step by
 * one. Also the list to check and remove areas drawn with the mouse.
 */
export function BlurRectList({ rects, selected, onChange, onRemove, onSelect }: Props) {
  const { t } = useTranslation('media');
  if (rects.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('blur.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {rects.map((rect, index) => (
        <Fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: areas have no identity beyond their number in the list
          key={index}
          legend={t('blur.rect', { number: index + 1 })}
          p="xs"
          onFocusCapture={() => onSelect(index)}
          style={index === selected ? { borderColor: 'var(--mantine-color-yellow-6)' } : undefined}
        >
          <Group gap="xs" align="flex-end" wrap="wrap">
            {FIELDS.map((field) => (
              <NumberInput
                key={field}
                size="xs"
                w={96}
                label={t(`blur.${field}`)}
                aria-label={t(`blur.${field}For`, { number: index + 1 })}
                min={field === 'width' || field === 'height' ? MIN_SIZE * 100 : 0}
                max={100}
                step={1}
                decimalScale={1}
                suffix=" %"
                value={toPercent(rect[field])}
                onChange={(value) => {
                  if (typeof value !== 'number') return;
                  onChange(index, clampRect({ ...rect, [field]: fromPercent(value) }));
                }}
              />
            ))}
            <CloseButton aria-label={t('blur.remove', { number: index + 1 })} onClick={() => onRemove(index)} mb={4} />
          </Group>
        </Fieldset>
      ))}
    </Stack>
  );
}
