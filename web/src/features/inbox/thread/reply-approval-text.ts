import type { InboxReply } from '@nahbar/common';
import type { TFunction } from 'i18next';

// A name the server did not know (a member who left) shows as an ellipsis, not as "null".
const MISSING = '…';

/**
 * The roles that approve, as one readable "or" list in the reader's language: one person with
 * any of these roles may approve ("Leitung/Freigabe oder Admin").
 */
export function approverRolesText<R extends string>(
  roles: readonly R[],
  label: (role: R) => string,
  language: string,
): string {
  return new Intl.ListFormat(language, { type: 'disjunction' }).format(roles.map(label));
}

/** Who decided a reply and, for a rejection, why; null while nobody has decided. */
export function replyDecisionText(t: TFunction<'inbox'>, reply: Pick<InboxReply, 'decision'>): string | null {
  const decision = reply.decision;
  if (!decision) return null;
  const name = decision.byName?.trim() || MISSING;
  if (decision.approved) return t('replies.approvedBy', { name });
  const comment = decision.comment?.trim();
  return comment ? t('replies.rejectedBy', { name, comment }) : t('replies.rejectedByWithoutReason', { name });
}
