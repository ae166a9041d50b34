import { Alert, Button, Code, CopyButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ConsentRequest, Person } from '@nahbar/common';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';
import { peopleApi, peopleKeys } from './people-api.ts';
import { useConsentText } from './use-consent-text.ts';

type Props = {
  orgId: string;
  timeZone: string;
  person: Person;
  canManage: boolean;
  /** The link just created: shown once, above the list. */
  created: ConsentRequest | null;
  onCreatedDone: () => void;
};

function stateOf(request: ConsentRequest): 'open' | 'confirmed' | 'expired' | 'revoked' {
  if (request.revokedAt) return 'revoked';
  if (request.confirmedAt) return 'confirmed';
  return Date.parse(request.expiresAt) < Date.now() ? 'expired' : 'open';
}

/** The digital consent links sent for this person: their state, and revoking an open one. */
export function ConsentLinksSection({ orgId, timeZone, person, canManage, created, onCreatedDone }: Props) {
  const { t } = useTranslation(['people', 'common']);
  const { formatDate } = useFormatters();
  const text = useConsentText();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: peopleKeys.requests(orgId, person.id),
    queryFn: () => peopleApi.consentRequests(orgId, person.id),
  });
  const revoke = useMutation({
    mutationFn: (request: ConsentRequest) => peopleApi.revokeConsentRequest(orgId, request.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.requests(orgId, person.id) });
      notifications.show({ color: 'petrol', message: t('consents.links.revoked') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const items = requests.data?.items ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="consent-links-title">
      <Title order={2} size="h3" id="consent-links-title">
        {t('consents.links.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('consents.links.description')}
      </Text>
      {created?.url && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('consents.links.created.title')}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          role="status"
        >
          <Stack gap="sm">
            <Text size="sm">{t('consents.links.created.warning')}</Text>
            <Code block aria-label={t('consents.links.created.label')} style={{ wordBreak: 'break-all' }}>
              {created.url}
            </Code>
            <Group>
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button size="xs" onClick={copy}>
                    {copied ? t('common:actions.copied') : t('consents.links.created.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="default" onClick={onCreatedDone}>
                {t('consents.links.created.done')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {requests.isPending && <PageLoader />}
      {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.data && items.length === 0 && <Text c="dimmed">{t('consents.links.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-label={t('consents.links.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consents.links.columns.purpose')}</Table.Th>
                <Table.Th>{t('consents.links.columns.signatory')}</Table.Th>
                <Table.Th>{t('consents.links.columns.created')}</Table.Th>
                <Table.Th>{t('consents.links.columns.state')}</Table.Th>
                {canManage && <Table.Th>{t('consents.links.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((request) => {
                const state = stateOf(request);
                const who = text.signatory(request.signatory, person);
                return (
                  <Table.Tr key={request.id}>
                    <Table.Td>{text.purpose(request.purpose)}</Table.Td>
                    <Table.Td>{who}</Table.Td>
                    <Table.Td>{formatDate(request.createdAt, timeZone)}</Table.Td>
                    <Table.Td>
                      {t(`consents.links.states.${state}`, {
                        date: formatDate(
                          state === 'confirmed' ? (request.confirmedAt ?? request.expiresAt) : request.expiresAt,
                          timeZone,
                        ),
                      })}
                      {request.confirmedName && (
                        <Text size="xs" c="dimmed">
                          {t('consents.links.confirmedBy', { name: request.confirmedName })}
                        </Text>
                      )}
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        {state === 'open' && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('consents.links.revokeFor', { who })}
                            loading={revoke.isPending && revoke.variables?.id === request.id}
                            onClick={() => revoke.mutate(request)}
                          >
                            {t('consents.links.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
