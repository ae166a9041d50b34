import { Anchor, Button, Center, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PERSON_KINDS, type PersonKind } from '@nahbar/common';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { AgeGroupBadge, ConsentSummary } from './people-badges.tsx';
import { PersonFormModal } from './person-form-modal.tsx';
import { usePeopleList } from './use-people-list.ts';

/** /personen: the register, searchable, with each person's consent state at a glance. */
export function PeoplePage() {
  const { t } = useTranslation('people');
  const { org, allowed } = useOrgAccess();
  const navigate = useNavigate();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('people.read');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<PersonKind | null>(null);
  const [creating, setCreating] = useState(false);
  const { query, items } = usePeopleList(orgId, q, kind, readable);
  if (!org || !readable) return <NoPermission />;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <PageHeader title={t('register.title')} description={t('register.description')} />
        {allowed('people.manage') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('register.create')}
          </Button>
        )}
      </Group>
      <Group role="search" aria-label={t('register.filterLabel')} align="flex-end" gap="sm">
        <TextInput
          label={t('register.searchLabel')}
          placeholder={t('register.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
          maxLength={120}
        />
        <Select
          label={t('register.kind')}
          placeholder={t('register.allKinds')}
          clearable
          value={kind}
          onChange={(v) => setKind((v as PersonKind | null) ?? null)}
          data={PERSON_KINDS.map((k) => ({ value: k, label: t(`register.kinds.${k}`) }))}
          w={220}
        />
      </Group>
      {query.isPending && <PageLoader />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {q || kind ? t('register.emptyFilter') : t('register.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-label={t('register.listLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('register.columns.name')}</Table.Th>
                <Table.Th>{t('register.columns.kind')}</Table.Th>
                <Table.Th>{t('register.columns.ageGroup')}</Table.Th>
                <Table.Th>{t('register.columns.consents')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.person(person.id)} fw={600}>
                      {person.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`register.kinds.${person.kind}`)}</Table.Td>
                  <Table.Td miw={150}>
                    <AgeGroupBadge group={person.ageGroup} />
                  </Table.Td>
                  <Table.Td>
                    <ConsentSummary summary={person.consentSummary} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage && (
        <Center>
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('register.loadMore')}
          </Button>
        </Center>
      )}
      {creating && (
        <PersonFormModal
          orgId={orgId}
          person={null}
          withNotes={allowed('privacy.officer')}
          onClose={() => setCreating(false)}
          onSaved={(person) => void navigate(paths.person(person.id))}
        />
      )}
    </Stack>
  );
}
