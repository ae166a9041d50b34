import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { TARGET_STATES, type TargetState } from '@nahbar/common';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PostFilters, postKeys, postsApi } from './posts-api.ts';

type Props = { orgId: string; value: PostFilters; onChange: (filters: PostFilters) => void };

/** Status, campaign tag and a search in the text; the search waits for a pause in typing. */
export function PostFiltersBar({ orgId, value, onChange }: Props) {
  const { t } = useTranslation('posts');
  const [q, setQ] = useState(value.q ?? '');
  const tags = useQuery({ queryKey: postKeys.tags(orgId), queryFn: () => postsApi.tags(orgId) });
  const search = useDebouncedCallback((next: string) => onChange({ ...value, q: next.trim() || undefined }), 400);
  const stateLabel = (state: TargetState) => (state === 'scheduled' ? t('state.scheduledNoDate') : t(`state.${state}`));

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('filters.label')}>
      <TextInput
        label={t('filters.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          search(event.currentTarget.value);
        }}
        w={260}
      />
      <Select
        label={t('filters.state')}
        placeholder={t('filters.all')}
        data={TARGET_STATES.map((state) => ({ value: state, label: stateLabel(state) }))}
        value={value.state ?? null}
        onChange={(state) => onChange({ ...value, state: (state as TargetState | null) ?? undefined })}
        clearable
        w={200}
      />
      <Select
        label={t('filters.tag')}
        placeholder={t('filters.all')}
        data={tags.data?.map((tag) => ({ value: tag.tag, label: `${tag.tag} (${tag.count})` })) ?? []}
        value={value.tag ?? null}
        onChange={(tag) => onChange({ ...value, tag: tag ?? undefined })}
        clearable
        searchable
        w={220}
      />
    </Group>
  );
}
