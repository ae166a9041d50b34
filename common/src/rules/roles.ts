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
  'channels.read': ROLES,
  'channels.manage': ['owner', 'admin'],
  'posts.read': ROLES,
  // Contributors suggest only: they may write drafts, never schedule or publish.
  'posts.draft': ['owner', 'admin', 'editor', 'contributor'],
  'posts.publish': ['owner', 'admin', 'editor'],
  // The privacy officer can take a post down (withdrawn consent) without being an editor.
  'posts.takedown': ['owner', 'admin', 'editor', 'privacy_officer'],
  'media.upload': ['owner', 'admin', 'editor', 'contributor'],
  // Rubriken, templates and posting slots shape everybody's plan: the editorial team's job.
  'plan.manage': ['owner', 'admin', 'editor'],
  // Comments can carry personal data of the public: readers of the inbox are the ones who answer.
  'inbox.read': ['owner', 'admin', 'editor', 'privacy_officer'],
  'inbox.answer': ['owner', 'admin', 'editor'],
  'inbox.settings': ['owner', 'admin'],
  // The people & consent register: who appears in our posts. Approvers see it to judge a post.
  'people.read': ['owner', 'admin', 'editor', 'contributor', 'approver', 'privacy_officer'],
  // Recording people and consents, and withdrawals the moment they arrive: editors and the DPO.
  'people.manage': ['owner', 'admin', 'editor', 'privacy_officer'],
  // Tagging who an image shows is part of uploading it.
  'media.tag': ['owner', 'admin', 'editor', 'contributor', 'privacy_officer'],
  // Notes, evidence files, export, erasure and the takedown report: the privacy officer alone.
  'privacy.officer': ['privacy_officer'],
  // Age rules and the PII check: the privacy officer, with the organisation's admins.
  'privacy.settings': ['owner', 'admin', 'privacy_officer'],
  // Approval policies decide who signs off what: the organisation's admins.
  'approvals.manage': ['owner', 'admin'],
  // Comments on posts and the review queue: everybody who writes or decides. Who may decide a
  // step is the step's roles (common/rules/approval.ts), never a permission alone.
  'posts.review': ['owner', 'admin', 'editor', 'contributor', 'approver', 'privacy_officer'],
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
