import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import type { InboxThread } from '@nahbar/common';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../components/use-formatters.ts';
import { inboxApi } from '../inbox-api.ts';

type Props = { orgId: string; thread: InboxThread; timeZone: string; canDownload: boolean };

/** What was secured for a complaint or report: when, by whom, and the snapshot's fingerprint. */
export function EvidenceList({ orgId, thread, timeZone, canDownload }: Props) {
  const { t } = useTranslation('inbox');
  const { formatDateTime } = useFormatters();
  if (thread.evidence.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={`evidence-${thread.item.id}`}>
      <Title order={3} size="h5" id={`evidence-${thread.item.id}`}>
        {t('evidence.title')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidence.capturedAt')}</Table.Th>
              <Table.Th>{t('evidence.action')}</Table.Th>
              <Table.Th>{t('evidence.sha256')}</Table.Th>
              {canDownload && <Table.Th>{t('evidence.file')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {thread.evidence.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  {formatDateTime(e.capturedAt, timeZone)}
                  {e.capturedBy && (
                    <Text size="xs" c="dimmed">
                      {e.capturedBy}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{e.action === 'hide' ? t('evidence.beforeHide') : t('evidence.captured')}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={e.sha256}>
                    {e.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                {canDownload && (
                  <Table.Td>
                    <Anchor href={inboxApi.evidenceUrl(orgId, thread.item.id, e.id)} download size="sm">
                      <IconDownload size={14} aria-hidden /> {t('evidence.download')}
                    </Anchor>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
