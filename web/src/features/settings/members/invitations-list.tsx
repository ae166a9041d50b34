import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Invitation, MembershipSummary } from '@nahbar/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/page-loader.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RoleBadges } from '../../../components/role-badges.tsx';
import { useFormatters } from '../../../components/use-formatters.ts';
import { keys, settingsApi } from '../settings-api.ts';

export function InvitationsList({ org }: { org: MembershipSummary }) {
  const { t } = useTranslation('settings');
  const { formatDateTime } = useFormatters();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: keys.invitations(org.id),
    queryFn: () => settingsApi.invitations(org.id),
  });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => settingsApi.revokeInvitation(org.id, invitation.id),
    onSuccess: (_, invitation) => {
      queryClient.setQueryData<Invitation[]>(keys.invitations(org.id), (old) =>
        old?.filter((i) => i.id !== invitation.id),
      );
      notifications.show({ color: 'petrol', message: t('invitations.revoked', { email: invitation.email }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  return (
    <Stack component="section" aria-labelledby="invitations-title" gap="sm">
      <Title order={2} size="h3" id="invitations-title">
        {t('invitations.title')}
      </Title>
      {invitations.isPending && <PageLoader />}
      {invitations.isError && <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />}
      {invitations.data?.length === 0 && <Text c="dimmed">{t('invitations.empty')}</Text>}
      {invitations.data && invitations.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invitations.columns.email')}</Table.Th>
                <Table.Th>{t('invitations.columns.roles')}</Table.Th>
                <Table.Th>{t('invitations.columns.expires')}</Table.Th>
                <Table.Th>{t('members.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>
                    <RoleBadges roles={invitation.roles} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(invitation.expiresAt, org.timeZone)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('invitations.revokeFor', { email: invitation.email })}
                      loading={revoke.isPending && revoke.variables?.id === invitation.id}
                      onClick={() => revoke.mutate(invitation)}
                    >
                      {t('invitations.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
