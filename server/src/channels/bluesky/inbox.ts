import type { AppBskyNotificationListNotifications } from '@atproto/api';
import type { InboxEntry, InboxPage } from '../contract.ts';
import { lookBackUntil, nextCursor, parseCursor, seenKey } from './inbox-cursor.ts';
import { postUrl, profileName } from './inbox-links.ts';
import type { BlueskySession } from './session.ts';

// Replies to our posts and mentions (quotes count as mentions) from the account's
// notifications, read through the PDS, which passes app.bsky.* on to its AppView.
// Direct messages are not fetched: Bluesky chat (chat.bsky.*) is a separate service with its
// own proxying and app-password scope, and the local test network (dev-env) does not run it.

type Notification = AppBskyNotificationListNotifications.Notification;

const REASONS = ['reply', 'mention', 'quote'];
const PAGE_SIZE = 50;
/** One fetch reads at most this many pages; a first fetch thus takes the newest 500 as history. */
const MAX_PAGES = 10;

export async function fetchInbox(
  s: BlueskySession,
  cursorText: string | null,
  signal?: AbortSignal,
): Promise<InboxPage> {
  const cursor = parseCursor(cursorText);
  const until = lookBackUntil(cursor);
  const seen = new Set(cursor?.seen ?? []);
  const looked: Notification[] = [];
  let page: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const res = await s.agent.app.bsky.notification.listNotifications(
      // priority: false, or an account set to "only people I follow" would hide strangers' replies.
      { reasons: REASONS, limit: PAGE_SIZE, priority: false, cursor: page },
      { signal },
    );
    const fresh = res.data.notifications.filter((n) => until === null || Date.parse(n.indexedAt) >= until);
    looked.push(...fresh);
    page = res.data.cursor;
    if (!page || fresh.length < res.data.notifications.length) break;
  }
  const delivered = new Set<string>();
  const entries: InboxEntry[] = [];
  for (const n of looked) {
    if (!REASONS.includes(n.reason) || seen.has(seenKey(n.uri)) || delivered.has(n.uri)) continue;
    delivered.add(n.uri);
    entries.push(inboxEntry(n, s.did));
  }
  entries.sort((a, b) => sortTime(a) - sortTime(b));
  return {
    entries,
    cursor: nextCursor(
      cursor,
      looked.map((n) => ({ uri: n.uri, at: n.indexedAt })),
    ),
  };
}

function inboxEntry(n: Notification, ourDid: string): InboxEntry {
  const record = n.record as { text?: unknown; createdAt?: unknown; reply?: unknown };
  const reply = threadOf(record.reply);
  const createdAt = typeof record.createdAt === 'string' ? new Date(record.createdAt) : new Date(Number.NaN);
  // A reply that also mentions us is notified as a mention only; it is still an answer to us.
  const answersUs = reply?.parent.uri.startsWith(`at://${ourDid}/`) ?? false;
  return {
    remoteId: n.uri,
    kind: n.reason === 'reply' || answersUs ? 'reply' : 'mention',
    url: postUrl(n.author.handle, n.author.did, n.uri),
    text: typeof record.text === 'string' ? record.text : '',
    author: {
      id: n.author.did,
      handle: n.author.handle,
      displayName: n.author.displayName || null,
      url: `https://bsky.app/profile/${profileName(n.author.handle, n.author.did)}`,
    },
    createdAt: Number.isNaN(createdAt.getTime()) ? new Date(n.indexedAt) : createdAt,
    rootRemoteId: reply?.root.uri ?? null,
    parentRemoteId: reply?.parent.uri ?? null,
    conversationId: null,
    raw: { uri: n.uri, cid: n.cid, record: n.record, author: n.author, indexedAt: n.indexedAt, reason: n.reason },
  };
}

type Ref = { uri: string; cid: string };

/** record.reply as strong refs, or null when the post starts a thread (or is malformed). */
export function threadOf(reply: unknown): { root: Ref; parent: Ref } | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const { root, parent } = reply as { root?: unknown; parent?: unknown };
  const rootRef = strongRef(root);
  const parentRef = strongRef(parent);
  return rootRef && parentRef ? { root: rootRef, parent: parentRef } : null;
}

function strongRef(value: unknown): Ref | null {
  if (typeof value !== 'object' || value === null) return null;
  const { uri, cid } = value as { uri?: unknown; cid?: unknown };
  return typeof uri === 'string' && typeof cid === 'string' ? { uri, cid } : null;
}

function sortTime(entry: InboxEntry): number {
  const indexedAt = entry.raw.indexedAt;
  return typeof indexedAt === 'string' ? Date.parse(indexedAt) : entry.createdAt.getTime();
}
