import type { InboxSettings, ReplyApprovalMode } from '@nahbar/common';

export type ApproverRole = InboxSettings['replyApproverRoles'][number];

// Local lists instead of the schemas' arrays, which would pull zod into the bundle; the Record
// types make the compiler insist every mode and role is here, in the order the form shows them.
const MODE_KEYS: Record<ReplyApprovalMode, true> = { off: true, sensitive: true, always: true };
const ROLE_KEYS: Record<ApproverRole, true> = {
  owner: true,
  admin: true,
  editor: true,
  approver: true,
  privacy_officer: true,
};
export const REPLY_APPROVAL_MODES = Object.keys(MODE_KEYS) as ReplyApprovalMode[];
export const APPROVER_ROLES = Object.keys(ROLE_KEYS) as ApproverRole[];
const DEFAULT_ROLES: ApproverRole[] = ['approver'];

/** With an approval asked for, somebody must be able to give it. */
export function approverRolesMissing(mode: ReplyApprovalMode, roles: readonly ApproverRole[]): boolean {
  return mode !== 'off' && roles.length === 0;
}

/**
 * What the form saves. Switched off, the roles still go along (the server keeps at least one):
 * the ones ticked, else the ones saved before, so switching on again later finds them.
 */
export function replyApprovalSettings(
  mode: ReplyApprovalMode,
  roles: readonly ApproverRole[],
  saved: readonly ApproverRole[],
): Pick<InboxSettings, 'replyApproval' | 'replyApproverRoles'> {
  const chosen = roles.length > 0 ? roles : saved.length > 0 ? saved : DEFAULT_ROLES;
  return { replyApproval: mode, replyApproverRoles: APPROVER_ROLES.filter((role) => chosen.includes(role)) };
}
