import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Person } from '@nahbar/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleApi, peopleKeys } from './people-api.ts';

type Props = {
  orgId: string;
  label: string;
  /** People already chosen are not offered again. */
  exclude?: readonly string[];
  onPick: (person: Person) => void;
  size?: 'xs' | 'sm';
};

/** Search the register as you type and pick one person; the field empties itself for the next. */
export function TaggingPersonPicker({ orgId, label, exclude = [], onPick, size = 'sm' }: Props) {
  const { t } = useTranslation('people');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const people = useQuery({
    queryKey: peopleKeys.list(orgId, q, null),
    queryFn: () => peopleApi.list(orgId, { q: q || undefined, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const items = (people.data?.items ?? []).filter((p) => !exclude.includes(p.id));

  return (
    <Select
      size={size}
      label={label}
      placeholder={t('tagging.searchPlaceholder')}
      searchable
      clearable={false}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      data={items.map((p) => ({ value: p.id, label: p.displayName }))}
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? t('tagging.searching') : t('tagging.nobodyFound')}
      error={people.isError ? people.error.message : undefined}
      onChange={(id) => {
        const person = items.find((p) => p.id === id);
        if (!person) return;
        onPick(person);
        setSearch('');
      }}
    />
  );
}
