import type { MembershipSummary, Permission } from '@nahbar/common';
import { can } from '@nahbar/common/rules/roles';
import { useCurrentOrg } from '../../app/session.tsx';

/** The current organisation and what the signed-in person may do in it. */
export function useOrgAccess(): { org: MembershipSummary | null; allowed: (permission: Permission) => boolean } {
  const org = useCurrentOrg();
  return { org, allowed: (permission) => (org ? can(org.roles, permission) : false) };
}
