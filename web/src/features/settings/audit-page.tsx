import { Button, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { AuditEntry, AuditPage as AuditPageData } from '@nahbar/common';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useFormatters } from '../../components/use-formatters.ts';
import { KNOWN_AUDIT_ACTIONS, useAuditActionLabel } from './audit-actions.ts';
import { keys, settingsApi } from './settings-api.ts';
import { useOrgAccess } from './use-org-access.ts';

export function AuditPage() {
  const { t } = useTranslation(['settings', 'audit']);
  const { org, allowed } = useOrgAccess();
  const { formatDateTime } = useFormatters();
  const actionLabel = useAuditActionLabel();
  const [action, setAction] = useState<string>('');
  const orgId = org?.id ?? '';

  const audit = useInfiniteQuery({
    queryKey: keys.audit(orgId, action),
    queryFn: ({ pageParam }) => settingsApi.audit(orgId, { before: pageParam, action: action || undefined }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: AuditPageData) => last.nextBefore ?? undefined,
    enabled: Boolean(org) && allowed('audit.read'),
  });

  if (!org || !allowed('audit.read')) return <NoPermission />;
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const filterData = [
    { value: '', label: t('audit.allActions') },
    ...KNOWN_AUDIT_ACTIONS.map((value) => ({ value, label: actionLabel(value) })),
  ];

  return (
    <Stack gap="md">
      <Text c="dimmed">{t('audit.description', { timeZone: org.timeZone })}</Text>
      <Select
        label={t('audit.filter')}
        data={filterData}
        value={action}
        onChange={(value) => setAction(value ?? '')}
        allowDeselect={false}
        maw={360}
      />
      {audit.isPending && <PageLoader />}
      {audit.isError && <QueryError error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && entries.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.columns.time')}</Table.Th>
                <Table.Th>{t('audit.columns.actor')}</Table.Th>
                <Table.Th>{t('audit.columns.action')}</Table.Th>
                <Table.Th>{t('audit.columns.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, org.timeZone)}</Table.Td>
                  <Table.Td>
                    <Actor entry={entry} />
                  </Table.Td>
                  <Table.Td>{actionLabel(entry.action)}</Table.Td>
                  <Table.Td>
                    <Details entry={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {audit.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('audit.loadOlder')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('settings');
  const { name, email } = entry.actor;
  if (!name && !email) return <Text size="sm">{t('audit.system')}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{name ?? email}</Text>
      {name && email && (
        <Text size="xs" c="dimmed">
          {email}
        </Text>
      )}
    </Stack>
  );
}

/** Raw details as key/value pairs; the server decides what is safe to record there. */
function Details({ entry }: { entry: AuditEntry }) {
  const pairs = Object.entries(entry.details);
  if (pairs.length === 0 && !entry.ip) return null;
  return (
    <Stack gap={2}>
      {pairs.map(([key, value]) => (
        <Text size="xs" key={key}>
          {key}: <Code fz="xs">{typeof value === 'string' ? value : JSON.stringify(value)}</Code>
        </Text>
      ))}
      {entry.ip && (
        <Text size="xs" c="dimmed">
          IP: {entry.ip}
        </Text>
      )}
    </Stack>
  );
}
