import { Group, SegmentedControl, Select, Stack } from '@mantine/core';
import type { Channel, InboxClass } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { CLASSES, type InboxFilters } from './inbox-api.ts';

export type InboxView = 'open' | 'mine' | 'overdue' | 'all';
export type FilterState = { view: InboxView; channelId: string | null; class: InboxClass | null };

export const INITIAL_FILTERS: FilterState = { view: 'open', channelId: null, class: null };

/** The view is one choice (what needs me?), channel and kind narrow it further. */
export function toApiFilters(state: FilterState): InboxFilters {
  const filters: InboxFilters = {};
  if (state.view === 'open') filters.status = 'open';
  if (state.view === 'mine') filters.assignedToMe = true;
  if (state.view === 'overdue') filters.overdue = true;
  if (state.channelId) filters.channelId = state.channelId;
  if (state.class) filters.class = state.class;
  return filters;
}

type Props = { value: FilterState; onChange: (next: FilterState) => void; channels: Channel[] };

export function InboxFilterBar({ value, onChange, channels }: Props) {
  const { t } = useTranslation('inbox');
  const views: InboxView[] = ['open', 'mine', 'overdue', 'all'];
  return (
    <Stack gap="sm" role="search" aria-label={t('filters.label')}>
      <SegmentedControl
        fullWidth
        aria-label={t('filters.view')}
        value={value.view}
        onChange={(view) => onChange({ ...value, view: view as InboxView })}
        data={views.map((v) => ({ value: v, label: t(`filters.views.${v}`) }))}
      />
      <Group gap="sm" grow wrap="nowrap">
        <Select
          label={t('filters.channel')}
          placeholder={t('filters.allChannels')}
          clearable
          value={value.channelId}
          onChange={(channelId) => onChange({ ...value, channelId })}
          data={channels.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          label={t('filters.class')}
          placeholder={t('filters.allClasses')}
          clearable
          value={value.class}
          onChange={(c) => onChange({ ...value, class: (c as InboxClass | null) ?? null })}
          data={CLASSES.map((c) => ({ value: c, label: t(`classes.${c}`) }))}
        />
      </Group>
    </Stack>
  );
}
