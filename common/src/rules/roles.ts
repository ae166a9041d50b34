// Roles a member can hold in an organisation. A person may hold several.
export const ROLES = ['owner', 'admin', 'editor', 'contributor', 'approver', 'privacy_officer', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

// What a role may do. Server routes check these; the web hides what a user cannot do.
export const PERMISSIONS = {
  'org.read': ROLES,
  'org.manage': ['owner', 'admin'],
  'members.read': ROLES,
  'members.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
  'outbox.read': ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** Only owners may grant or take away the owner role. */
export function canChangeRoles(actorRoles: readonly Role[], before: readonly Role[], after: readonly Role[]): boolean {
  if (!can(actorRoles, 'members.manage')) return false;
  const touchesOwner = before.includes('owner') !== after.includes('owner');
  return !touchesOwner || actorRoles.includes('owner');
}
