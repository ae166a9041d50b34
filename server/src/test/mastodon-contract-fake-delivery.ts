import {
  type FakeAccount,
  type FakeConversation,
  type FakeNotification,
  type FakeStatus,
  statusEntity,
} from './mastodon-contract-fake-entities.ts';
import type { Store, Token } from './mastodon-contract-fake-store.ts';

// What happens after a status is stored, as Mastodon does it: every local account named in the
// text (@user or @user@this-domain) gets a 'mention' notification. A reply alone notifies no one
// (mastodon/mastodon#5797, #10865: "replies themselves don't trigger notifications, mentions
// do"); clients prefill the parent author's @mention, which is why replies reach people. Direct
// statuses are seen only by their author and the accounts they mention, and form a Conversation.

const MENTION = /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+)(?:@([\p{L}\p{N}.:-]+[\p{L}\p{N}]))?/gu;

/** Local accounts a text mentions, in order of appearance, without the author. */
export function mentionedIn(store: Store, text: string, authorId: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(MENTION)) {
    const domain = m[3];
    if (domain && domain !== store.limits.domain && domain !== new URL(store.url).host) continue;
    const account = store.findAccount(m[2] as string);
    if (account && account.id !== authorId && !ids.includes(account.id)) ids.push(account.id);
  }
  return ids;
}

export function visibleTo(s: FakeStatus, auth: Token | undefined): boolean {
  if (s.visibility === 'public' || s.visibility === 'unlisted') return true;
  // No follow graph in the fake: followers-only is seen like direct, by author and mentioned.
  return !!auth && (s.accountId === auth.accountId || s.mentionIds.includes(auth.accountId));
}

/** The Status entity with its author and mentions. */
export function entityOf(store: Store, s: FakeStatus) {
  const account = store.accounts.get(s.accountId) as FakeAccount;
  const mentioned = s.mentionIds.map((id) => store.accounts.get(id) as FakeAccount);
  return statusEntity(store.url, s, account, mentioned);
}

/** Stores a new status and delivers it: timeline, thread index, notifications, conversations. */
export function deliver(store: Store, s: FakeStatus): void {
  store.statuses.set(s.id, s);
  store.timelines.get(s.accountId)?.push(s);
  if (s.inReplyToId) {
    const siblings = store.children.get(s.inReplyToId);
    if (siblings) siblings.push(s.id);
    else store.children.set(s.inReplyToId, [s.id]);
  }
  for (const accountId of s.mentionIds) {
    const n: FakeNotification = {
      id: store.nextNotificationId(),
      type: 'mention',
      fromId: s.accountId,
      statusId: s.id,
      createdAt: s.createdAt,
    };
    const list = store.notifications.get(accountId);
    if (list) list.push(n);
    else store.notifications.set(accountId, [n]);
  }
  if (s.visibility !== 'direct') return;
  const participants = [s.accountId, ...s.mentionIds];
  for (const accountId of participants) {
    let mine = store.conversations.get(accountId);
    if (!mine) {
      mine = new Map<string, FakeConversation>();
      store.conversations.set(accountId, mine);
    }
    const known = mine.get(s.conversationId);
    const others = participants.filter((id) => id !== accountId);
    if (known) {
      known.lastStatusId = s.id;
      known.unread = accountId !== s.accountId;
      for (const id of others) if (!known.participantIds.includes(id)) known.participantIds.push(id);
    } else {
      mine.set(s.conversationId, {
        id: store.smallId(),
        conversationId: s.conversationId,
        participantIds: others,
        lastStatusId: s.id,
        unread: accountId !== s.accountId,
      });
    }
  }
}

export type Compose = {
  text: string;
  inReplyToId?: string | null;
  visibility?: FakeStatus['visibility'];
  spoilerText?: string;
  language?: string | null;
  idempotencyKey?: string | null;
};

/** A status as POST /api/v1/statuses builds it (after validation). */
export function compose(store: Store, accountId: string, input: Compose): FakeStatus {
  const parent = input.inReplyToId ? store.statuses.get(input.inReplyToId) : undefined;
  const spoilerText = input.spoilerText ?? '';
  return {
    id: store.nextId(),
    accountId,
    text: input.text,
    spoilerText,
    sensitive: spoilerText.length > 0,
    visibility: input.visibility ?? 'public',
    language: input.language ?? null,
    inReplyToId: parent?.id ?? null,
    inReplyToAccountId: parent?.accountId ?? null,
    mentionIds: mentionedIn(store, input.text, accountId),
    conversationId: parent?.conversationId ?? store.smallId(),
    media: [],
    idempotencyKey: input.idempotencyKey ?? null,
    createdAt: new Date().toISOString(),
    deleted: false,
  };
}
