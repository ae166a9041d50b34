import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type WhenMode = 'now' | 'at' | 'draft';
export type WhenValue = { mode: WhenMode; date: string; time: string };

type Props = {
  value: WhenValue;
  onChange: (value: WhenValue) => void;
  modes: WhenMode[];
  timeZone: string;
  error?: string | null;
};

/** Date and time are wall-clock values in the organisation's zone, not the browser's. */
export function WhenPicker({ value, onChange, modes, timeZone, error }: Props) {
  const { t } = useTranslation('posts');
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('composer.when')}
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode: mode as WhenMode })}
      >
        <Group mt="xs" gap="lg">
          {modes.map((mode) => (
            <Radio key={mode} value={mode} label={t(`composer.modes.${mode}`)} />
          ))}
        </Group>
      </Radio.Group>
      {value.mode === 'at' && (
        <Stack gap={4}>
          <Group align="flex-start" gap="sm">
            <TextInput
              type="date"
              label={t('composer.date')}
              required
              value={value.date}
              onChange={(event) => onChange({ ...value, date: event.currentTarget.value })}
              error={Boolean(error)}
            />
            <TextInput
              type="time"
              label={t('composer.time')}
              required
              value={value.time}
              onChange={(event) => onChange({ ...value, time: event.currentTarget.value })}
              error={Boolean(error)}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('composer.zoneHint', { timeZone })}
          </Text>
          {error && (
            <Text size="sm" c="red.7" role="alert">
              {error}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
