import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel, Series } from '@nahbar/common';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { calendarApi, calendarKeys } from './calendar-api.ts';
import { SeriesCard } from './series-card.tsx';
import { SeriesFormModal } from './series-form-modal.tsx';

type Props = { orgId: string; timeZone: string; channels: Channel[]; editable: boolean };

/** Rubriken: recurring formats that put draft slots into the calendar. */
export function SeriesSection({ orgId, timeZone, channels, editable }: Props) {
  const { t } = useTranslation(['calendar', 'common']);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Series | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Series | null>(null);
  const list = useQuery({ queryKey: calendarKeys.series(orgId), queryFn: () => calendarApi.series(orgId) });
  const remove = useMutation({
    mutationFn: (series: Series) => calendarApi.deleteSeries(orgId, series.id),
    onSuccess: (_void, series) => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.series(orgId) });
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('planning.series.deleted', { name: series.name }) });
      setDeleting(null);
    },
  });
  const names = new Map(channels.map((c) => [c.id, c.name]));
  const channelName = (id: string) => names.get(id) ?? '—';

  return (
    <Stack gap="sm" component="section" aria-labelledby="series-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id="series-title">
          {t('planning.series.title')}
        </Title>
        {editable && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('planning.series.create')}
          </Button>
        )}
      </Group>
      <Text size="sm">{t('planning.series.intro')}</Text>
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <Text size="sm">{t('planning.series.none')}</Text>}
      {list.data?.map((series) => (
        <SeriesCard
          key={series.id}
          series={series}
          timeZone={timeZone}
          channelName={channelName}
          editable={editable}
          onEdit={() => setEditing(series)}
          onDelete={() => {
            remove.reset();
            setDeleting(series);
          }}
        />
      ))}
      {editing && (
        <SeriesFormModal
          orgId={orgId}
          timeZone={timeZone}
          channels={channels}
          series={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('planning.delete.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('planning.delete.text', { name: deleting?.name ?? '' })}</Text>
          <FormAlert message={remove.error ? errorMessage(remove.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>
              {t('planning.delete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
