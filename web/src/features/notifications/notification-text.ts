import type { Notification } from '@nahbar/common';
import type { TFunction } from 'i18next';

// The server sends names, not sentences, so the reader's language words them. A name the server
// left out shows as an ellipsis rather than as a raw {{placeholder}}.
const MISSING = '…';

function param(notification: Notification, name: string): string {
  const value = notification.params[name]?.trim();
  return value ? value : MISSING;
}

const KINDS = ['transient', 'auth', 'rejected', 'consent', 'approval', 'internal'] as const;
const WITH_NETWORK_TEXT: readonly string[] = ['transient', 'auth', 'rejected'];

/**
 * Why a publish failed, in the reader's language: the error kind worded, plus the network's own
 * text where that is the reason. Older notifications carry only the technical `reason`.
 */
function failureReason(t: TFunction<'notifications'>, params: Record<string, string>): string {
  const kind = KINDS.find((k) => k === params.kind);
  const detail = params.reason?.trim() ?? '';
  if (!kind) return detail;
  const words = t(`reasons.${kind}`);
  return WITH_NETWORK_TEXT.includes(kind) && detail ? `${words} ${t('reasons.networkSays', { text: detail })}` : words;
}

/** The sentence for one notification, in the UI language. */
export function notificationText(t: TFunction<'notifications'>, notification: Notification): string {
  const p = (name: string) => param(notification, name);
  switch (notification.type) {
    case 'publish_failed': {
      const reason = failureReason(t, notification.params);
      return reason
        ? t('types.publish_failed.text', { post: p('post'), channel: p('channel'), reason })
        : t('types.publish_failed.textWithoutReason', { post: p('post'), channel: p('channel') });
    }
    case 'channel_needs_reconnect':
      return t('types.channel_needs_reconnect.text', { channel: p('channel') });
    case 'review_requested':
      return t('types.review_requested.text', { author: p('author'), post: p('post') });
    case 'changes_requested':
      return t('types.changes_requested.text', { reviewer: p('reviewer'), post: p('post') });
    case 'rejected':
      return t('types.rejected.text', { reviewer: p('reviewer'), post: p('post') });
    case 'approved':
      return t('types.approved.text', { reviewer: p('reviewer'), post: p('post') });
    case 'review_overdue':
      return t('types.review_overdue.text', { post: p('post'), step: p('step') });
    case 'reply_review_requested':
      return t('types.reply_review_requested.text', {
        author: p('author'),
        comment: p('comment'),
        channel: p('channel'),
      });
    case 'consent_expiring':
      return t('types.consent_expiring.text', { person: p('person') });
  }
}
