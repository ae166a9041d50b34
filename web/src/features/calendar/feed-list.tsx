import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { CalendarFeed } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useFormatters } from '../../components/use-formatters.ts';

type Props = {
  feeds: CalendarFeed[] | undefined;
  error: unknown;
  revokingId: string | null;
  onRevoke: (id: string) => void;
};

/** The person's own subscription links: label, created, last fetched, and a way to revoke. */
export function FeedList({ feeds, error, revokingId, onRevoke }: Props) {
  const { t } = useTranslation('calendar');
  const { formatDate, formatDateTime } = useFormatters();
  if (error) return <QueryError error={error} />;
  if (!feeds) return <PageLoader />;
  if (feeds.length === 0) return <Text size="sm">{t('feeds.none')}</Text>;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('feeds.labelColumn')}</Table.Th>
          <Table.Th scope="col">{t('feeds.createdAt')}</Table.Th>
          <Table.Th scope="col">{t('feeds.lastUsed')}</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>{t('feeds.revoke')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {feeds.map((feed) => {
          const label = feed.label ?? t('feeds.unnamed');
          return (
            <Table.Tr key={feed.id}>
              <Table.Td>{label}</Table.Td>
              <Table.Td>{formatDate(feed.createdAt)}</Table.Td>
              <Table.Td>{feed.lastUsedAt ? formatDateTime(feed.lastUsedAt) : t('feeds.neverUsed')}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={t('feeds.revokeLabel', { label })}
                  loading={revokingId === feed.id}
                  onClick={() => onRevoke(feed.id)}
                >
                  {t('feeds.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
