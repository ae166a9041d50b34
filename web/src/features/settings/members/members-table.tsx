import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Member, MembershipSummary } from '@nahbar/common';
import { IconPencil, IconUserMinus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RoleBadges } from '../../../components/role-badges.tsx';
import { keys, settingsApi } from '../settings-api.ts';
import { EditRolesModal } from './edit-roles-modal.tsx';
import { RemoveMemberModal } from './remove-member-modal.tsx';

type Props = { org: MembershipSummary; manage: boolean };

export function MembersTable({ org, manage }: Props) {
  const { t } = useTranslation('settings');
  const { user } = useSession();
  const members = useQuery({ queryKey: keys.members(org.id), queryFn: () => settingsApi.members(org.id) });
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  return (
    <Stack component="section" aria-labelledby="members-title" gap="sm">
      <Title order={2} size="h3" id="members-title">
        {t('members.title')}
      </Title>
      {members.isPending && <PageLoader />}
      {members.isError && <QueryError error={members.error} onRetry={() => void members.refetch()} />}
      {members.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.columns.name')}</Table.Th>
                <Table.Th>{t('members.columns.roles')}</Table.Th>
                {manage && <Table.Th>{t('members.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <Table.Tr key={member.userId} data-testid={`member-row-${member.email}`}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text fw={500}>{member.name}</Text>
                      {member.userId === user.id && <Badge color="gray">{t('members.you')}</Badge>}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {member.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadges roles={member.roles} />
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={t('members.editRolesFor', { name: member.name })}
                          onClick={() => setEditing(member)}
                        >
                          {t('members.editRoles')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconUserMinus size={14} aria-hidden />}
                          aria-label={t('members.removeFor', { name: member.name })}
                          onClick={() => setRemoving(member)}
                        >
                          {t('members.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <EditRolesModal org={org} member={editing} onClose={() => setEditing(null)} />
      <RemoveMemberModal org={org} member={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
