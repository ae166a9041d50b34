import { ActionIcon, Button, Card, Chip, Group, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel } from '@nahbar/common';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { NetworkIcon } from '../channels/network-icon.tsx';
import { calendarApi, calendarKeys } from './calendar-api.ts';
import { newSlotRow, rowError, rowsFromSlots, type SlotRow, slotsFromRows } from './slot-rows.ts';
import { useCalendarFormat } from './use-calendar-format.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** One channel's posting times: weekday toggles and a time per row; read-only without plan.manage. */
export function ChannelSlotsCard({ orgId, channel, editable }: { orgId: string; channel: Channel; editable: boolean }) {
  const { t } = useTranslation(['calendar', 'common']);
  const slots = useQuery({
    queryKey: calendarKeys.slots(orgId, channel.id),
    queryFn: () => calendarApi.slots(orgId, channel.id),
  });
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group gap="xs">
          <NetworkIcon network={channel.network} size={20} />
          <Title order={3} size="h5">
            {channel.name}
          </Title>
        </Group>
        {slots.isError && <QueryError error={slots.error} onRetry={() => void slots.refetch()} />}
        {slots.data &&
          (editable ? (
            <SlotsEditor
              key={slots.dataUpdatedAt}
              orgId={orgId}
              channel={channel}
              initial={rowsFromSlots(slots.data.slots)}
            />
          ) : (
            <SlotsSummary rows={rowsFromSlots(slots.data.slots)} />
          ))}
        {slots.isPending && <Text size="sm">{t('common:loading')}</Text>}
      </Stack>
    </Card>
  );
}

function SlotsSummary({ rows }: { rows: SlotRow[] }) {
  const { t } = useTranslation('calendar');
  const format = useCalendarFormat();
  if (rows.length === 0) return <Text size="sm">{t('planning.slots.none')}</Text>;
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {rows.map((row) => (
        <Text key={row.key} size="sm" component="li">
          {row.weekdays.map((day) => format.weekdayLong(Number(day))).join(', ')} · {row.time}
        </Text>
      ))}
    </Stack>
  );
}

function SlotsEditor({ orgId, channel, initial }: { orgId: string; channel: Channel; initial: SlotRow[] }) {
  const { t } = useTranslation('calendar');
  const format = useCalendarFormat();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(initial);
  const [showErrors, setShowErrors] = useState(false);
  const save = useMutation({
    mutationFn: () => calendarApi.putSlots(orgId, channel.id, slotsFromRows(rows)),
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarKeys.slots(orgId, channel.id), saved);
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('planning.slots.saved', { channel: channel.name }) });
    },
  });
  const update = (key: number, patch: Partial<SlotRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (rows.some((row) => rowError(row))) return;
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {rows.length === 0 && <Text size="sm">{t('planning.slots.none')}</Text>}
        {rows.map((row, index) => {
          const error = showErrors ? rowError(row) : null;
          return (
            <Group key={row.key} gap="sm" align="flex-end" wrap="wrap">
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`slot-days-${channel.id}-${row.key}`}>
                  {t('planning.slots.weekdays')}
                </Text>
                <Chip.Group multiple value={row.weekdays} onChange={(weekdays) => update(row.key, { weekdays })}>
                  <Group gap={4} role="group" aria-labelledby={`slot-days-${channel.id}-${row.key}`}>
                    {WEEKDAYS.map((weekday) => (
                      <Chip key={weekday} value={String(weekday)} size="sm">
                        <span aria-hidden>{format.weekdayShort(weekday)}</span>
                        <VisuallyHidden>{format.weekdayLong(weekday)}</VisuallyHidden>
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Stack>
              <TextInput
                type="time"
                label={t('planning.slots.time')}
                value={row.time}
                onChange={(event) => update(row.key, { time: event.currentTarget.value })}
                w={130}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('planning.slots.remove', { number: index + 1 })}
                onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
              {error && (
                <Text size="sm" c="red.7" role="alert" w="100%">
                  {t(`planning.slots.${error}`)}
                </Text>
              )}
            </Group>
          );
        })}
        <FormAlert message={save.error ? errorMessage(save.error) : null} />
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setRows((current) => [...current, newSlotRow()])}
          >
            {t('planning.slots.add')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('planning.slots.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
