import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { WallTime } from '@nahbar/common/rules/zoned-time';
import { useTranslation } from 'react-i18next';

export type WhenMode = 'now' | 'at' | 'queue' | 'draft';
export type WhenValue = { mode: WhenMode; date: string; time: string };

type Props = {
  value: WhenValue;
  onChange: (value: WhenValue) => void;
  modes: WhenMode[];
  timeZone: string;
  /** Drafts: the optional day the calendar shows them on. */
  planned: WallTime | null;
  onPlannedChange: (planned: WallTime | null) => void;
  error?: string | null;
  readOnly?: boolean;
  /** Submitting for approval: the choice is what happens once the post is approved. */
  forReview?: boolean;
};

/** Date and time are wall-clock values in the organisation's zone, not the browser's. */
export function WhenPicker({
  value,
  onChange,
  modes,
  timeZone,
  planned,
  onPlannedChange,
  error,
  readOnly,
  forReview = false,
}: Props) {
  const { t } = useTranslation('posts');
  return (
    <Stack gap="xs">
      <Radio.Group
        label={forReview ? t('review.when.label') : t('composer.when')}
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode: mode as WhenMode })}
        readOnly={readOnly}
      >
        <Group mt="xs" gap="lg">
          {modes.map((mode) => (
            <Radio
              key={mode}
              value={mode}
              label={forReview ? t(`review.when.modes.${mode}`) : t(`composer.modes.${mode}`)}
            />
          ))}
        </Group>
      </Radio.Group>
      {value.mode === 'at' && (
        <DateTime
          date={value.date}
          time={value.time}
          onChange={(wall) => onChange({ ...value, ...wall })}
          required
          error={error}
        />
      )}
      {value.mode === 'queue' && (
        <Text size="sm" c="dimmed">
          {t('composer.queueHint')}
        </Text>
      )}
      {value.mode === 'draft' && (
        <DateTime
          date={planned?.date ?? ''}
          time={planned?.time ?? ''}
          onChange={(wall) => onPlannedChange(wall.date ? { date: wall.date, time: wall.time || '09:00' } : null)}
          dateLabel={t('composer.plannedDate')}
          error={error}
        />
      )}
      {(value.mode === 'at' || value.mode === 'draft') && (
        <Text size="xs" c="dimmed">
          {t('composer.zoneHint', { timeZone })}
        </Text>
      )}
    </Stack>
  );
}

type DateTimeProps = {
  date: string;
  time: string;
  onChange: (wall: WallTime) => void;
  required?: boolean;
  dateLabel?: string;
  error?: string | null;
};

function DateTime({ date, time, onChange, required, dateLabel, error }: DateTimeProps) {
  const { t } = useTranslation('posts');
  return (
    <Stack gap={4}>
      <Group align="flex-start" gap="sm">
        <TextInput
          type="date"
          label={dateLabel ?? t('composer.date')}
          required={required}
          value={date}
          onChange={(event) => onChange({ date: event.currentTarget.value, time })}
          error={Boolean(error)}
        />
        <TextInput
          type="time"
          label={t('composer.time')}
          required={required}
          value={time}
          onChange={(event) => onChange({ date, time: event.currentTarget.value })}
          error={Boolean(error)}
        />
      </Group>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
