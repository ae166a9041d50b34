import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Channel, Series } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { calendarApi, calendarKeys, type SeriesInput } from './calendar-api.ts';
import { isoWeekday, todayIn } from './calendar-dates.ts';
import { useCalendarFormat } from './use-calendar-format.ts';

type Props = {
  orgId: string;
  timeZone: string;
  channels: Channel[];
  /** The Rubrik to edit, or null for a new one. */
  series: Series | null;
  onClose: () => void;
};

type Values = Omit<SeriesInput, 'weekday' | 'endsOn'> & { weekday: string; endsOn: string };

function initialValues(series: Series | null, timeZone: string): Values {
  const today = todayIn(timeZone);
  return {
    name: series?.name ?? '',
    channelIds: series?.channelIds ?? [],
    weekday: String(series?.weekday ?? isoWeekday(today)),
    time: series?.time ?? '10:00',
    intervalWeeks: series?.intervalWeeks ?? 1,
    startsOn: series?.startsOn ?? today,
    endsOn: series?.endsOn ?? '',
    text: series?.text ?? '',
    tags: series?.tags ?? [],
    active: series?.active ?? true,
  };
}

/** Create or edit a Rubrik; the server puts its drafts into the calendar for twelve weeks. */
export function SeriesFormModal({ orgId, timeZone, channels, series, onClose }: Props) {
  const { t } = useTranslation(['calendar', 'common']);
  const format = useCalendarFormat();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: initialValues(series, timeZone),
    validate: {
      name: (v) => (v.trim() ? null : t('planning.form.required')),
      channelIds: (v) => (v.length > 0 ? null : t('planning.form.pickChannel')),
      time: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : t('planning.form.required')),
      startsOn: (v) => (v ? null : t('planning.form.required')),
      endsOn: (v, values) => (v && v < values.startsOn ? t('planning.form.endBeforeStart') : null),
    },
  });

  const save = useMutation({
    mutationFn: (input: SeriesInput) =>
      series ? calendarApi.updateSeries(orgId, series.id, input) : calendarApi.createSeries(orgId, input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.series(orgId) });
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all(orgId) });
      notifications.show({
        color: 'petrol',
        message: t(series ? 'planning.series.updated' : 'planning.series.created', { name: saved.name }),
      });
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  const submit = (values: Values) => {
    setFormError(null);
    save.mutate({
      ...values,
      name: values.name.trim(),
      weekday: Number(values.weekday),
      intervalWeeks: Number(values.intervalWeeks) || 1,
      endsOn: values.endsOn || null,
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={series ? t('planning.form.editTitle') : t('planning.form.createTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <FormAlert message={formError} />
          {series && <Text size="sm">{t('planning.form.editHint')}</Text>}
          <TextInput
            label={t('planning.form.name')}
            placeholder={t('planning.form.namePlaceholder')}
            required
            maxLength={120}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <MultiSelect
            label={t('planning.form.channels')}
            placeholder={t('planning.form.channelsPlaceholder')}
            searchable
            required
            data={channels.map((c) => ({ value: c.id, label: c.name }))}
            {...form.getInputProps('channelIds')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('planning.form.weekday')}
              required
              allowDeselect={false}
              data={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: format.weekdayLong(d) }))}
              {...form.getInputProps('weekday')}
            />
            <TextInput type="time" label={t('planning.form.time')} required {...form.getInputProps('time')} />
            <NumberInput
              label={t('planning.form.interval')}
              description={t('planning.form.intervalHint')}
              min={1}
              max={12}
              allowDecimal={false}
              {...form.getInputProps('intervalWeeks')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput type="date" label={t('planning.form.startsOn')} required {...form.getInputProps('startsOn')} />
            <TextInput type="date" label={t('planning.form.endsOn')} {...form.getInputProps('endsOn')} />
          </Group>
          <Textarea
            label={t('planning.form.text')}
            description={t('planning.form.textHint')}
            autosize
            minRows={3}
            maxLength={20_000}
            {...form.getInputProps('text')}
          />
          <TagsInput
            label={t('planning.form.tags')}
            description={t('planning.form.tagsHint')}
            maxTags={10}
            {...form.getInputProps('tags')}
          />
          <Switch label={t('planning.form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {series ? t('planning.form.submitEdit') : t('planning.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
