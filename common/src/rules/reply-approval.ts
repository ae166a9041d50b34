import { type InboxClass, type ReplyApprovalMode, SENSITIVE_REPLY_CLASSES } from '../schemas/inbox.ts';
import type { Role } from './roles.ts';

// Inbox answers that need an approval before they go out: what the organisation set, the
// comment's classes, and four-eyes — the one who wrote an answer never approves it.

/** Whether an answer to an item with these classes waits for approval. */
export function replyNeedsApproval(mode: ReplyApprovalMode, classes: readonly InboxClass[]): boolean {
  if (mode === 'always') return true;
  if (mode === 'sensitive') return classes.some((c) => SENSITIVE_REPLY_CLASSES.includes(c));
  return false;
}

export type ReplyRefusal = 'not_pending' | 'own_reply' | 'not_approver';

/** Why this person may not decide on this answer now, or null when they may. */
export function replyRefusal(
  reply: { state: string; authorId: string | null },
  viewer: { userId: string | null; roles: readonly Role[] },
  approverRoles: readonly Role[],
): ReplyRefusal | null {
  if (reply.state !== 'pending_approval') return 'not_pending';
  if (reply.authorId !== null && reply.authorId === viewer.userId) return 'own_reply';
  if (!viewer.roles.some((r) => approverRoles.includes(r))) return 'not_approver';
  return null;
}
