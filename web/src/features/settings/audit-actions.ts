import { useTranslation } from 'react-i18next';

/** Actions the server records today; others appear with their raw name. */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_reset',
  'auth.password_changed',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'org.created',
  'org.updated',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'member.roles_changed',
  'member.removed',
  'token.created',
  'token.revoked',
  'post.published',
  'post.publish_failed',
  'post.scheduled',
  'post.cancelled',
  'post.held_consent',
  'post.held_approval',
  'post.held_late',
  'post.takedown_requested',
  'post.taken_down',
  'post.takedown_failed',
  'post.people_named',
  'person.created',
  'person.updated',
  'person.erased',
  'person.exported',
  'consent.recorded',
  'consent.withdrawn',
  'consent.evidence_uploaded',
  'consent.evidence_viewed',
  'consent.link_created',
  'consent.link_confirmed',
  'consent.link_revoked',
  'consent.form_generated',
  'media.people_tagged',
  'takedown.requested',
  'takedown.manual_done',
  'privacy.settings_updated',
  'inbox.replied',
  'inbox.reply_failed',
  'inbox.reply_submitted',
  'inbox.reply_approved',
  'inbox.reply_rejected',
] as const;

export function useAuditActionLabel(): (action: string) => string {
  const { i18n } = useTranslation('audit');
  return (action) => {
    // Actions are dotted ("auth.login"), which maps onto the nested keys of audit.json.
    const label: unknown =
      i18n.getResource(i18n.language, 'audit', `actions.${action}`) ??
      i18n.getResource('de', 'audit', `actions.${action}`);
    return typeof label === 'string' ? label : action;
  };
}
