import { Stack } from '@mantine/core';
import { NoPermission } from '../../../components/no-permission.tsx';
import { useOrgAccess } from '../use-org-access.ts';
import { InvitationsList } from './invitations-list.tsx';
import { InviteForm } from './invite-form.tsx';
import { MembersTable } from './members-table.tsx';

export function MembersPage() {
  const { org, allowed } = useOrgAccess();
  if (!org || !allowed('members.read')) return <NoPermission />;
  const manage = allowed('members.manage');
  return (
    <Stack gap="xl">
      <MembersTable org={org} manage={manage} />
      {manage && <InviteForm org={org} />}
      {manage && <InvitationsList org={org} />}
    </Stack>
  );
}
