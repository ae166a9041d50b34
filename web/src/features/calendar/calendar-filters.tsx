import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { type Channel, type Member, TARGET_STATES } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import type { CalendarParams } from './use-calendar-params.ts';

type Props = {
  value: CalendarParams;
  onChange: (patch: Partial<CalendarParams>) => void;
  channels: Channel[];
  tags: string[];
  authors: Pick<Member, 'userId' | 'name'>[];
};

export function CalendarFilterBar({ value, onChange, channels, tags, authors }: Props) {
  const { t } = useTranslation('calendar');
  const active = Boolean(value.channelId || value.states.length > 0 || value.tag || value.authorId);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('filters.label')}>
      <Select
        label={t('filters.channel')}
        placeholder={t('filters.allChannels')}
        clearable
        value={value.channelId}
        onChange={(channelId) => onChange({ channelId })}
        data={channels.map((c) => ({ value: c.id, label: c.name }))}
        w={200}
      />
      <MultiSelect
        label={t('filters.state')}
        placeholder={value.states.length === 0 ? t('filters.allStates') : undefined}
        clearable
        value={value.states}
        onChange={(states) => onChange({ states })}
        data={TARGET_STATES.map((state) => ({ value: state, label: t(`states.${state}`) }))}
        w={260}
      />
      <Select
        label={t('filters.tag')}
        placeholder={t('filters.allTags')}
        clearable
        searchable
        value={value.tag}
        onChange={(tag) => onChange({ tag })}
        data={tags}
        w={200}
      />
      <Select
        label={t('filters.author')}
        placeholder={t('filters.allAuthors')}
        clearable
        searchable
        value={value.authorId}
        onChange={(authorId) => onChange({ authorId })}
        data={authors.map((a) => ({ value: a.userId, label: a.name }))}
        w={200}
      />
      {active && (
        <Button variant="subtle" onClick={() => onChange({ channelId: null, states: [], tag: null, authorId: null })}>
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}
