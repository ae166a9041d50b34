import type { InboxEntry, InboxPage } from '../contract.ts';
import { type AccountJson, type Connection, type StatusJson, verifyCredentials } from './connection.ts';
import { statusText } from './status-text.ts';

// The community inbox from Mastodon's notifications (docs: methods/notifications, entities/
// Notification). Replies to us, mentions and direct messages all arrive as type 'mention':
// Mastodon notifies only accounts a status names (a reply without the @mention notifies no one,
// mastodon/mastodon#10865), and a direct message is a status with visibility 'direct' naming its
// recipients. So one stream with types[]=mention covers all three kinds; /api/v1/conversations
// would only repeat the direct ones.
//
// Cursor: the newest notification id seen. With a cursor we page forward with min_id (the page
// right after the id), so nothing between two fetches is
// skipped, however many arrive; a fetch stops after MAX_PAGES and the next one continues from
// there. Without a cursor (a newly connected channel) only the newest page is taken: old
// conversations should not flood the inbox as overdue work.

export const PAGE = 40;
export const MAX_PAGES = 3;
/** /context calls per fetch (one per distinct parent); beyond it the root stays unknown. */
export const MAX_CONTEXT_CALLS = 40;

export type InboxStatusJson = StatusJson & {
  account: AccountJson;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  in_reply_to_account_id: string | null;
  mentions: { id: string; username: string; acct: string; url: string }[];
};

type NotificationJson = { id: string; type: string; created_at: string; status: InboxStatusJson | null };

export async function fetchInbox(conn: Connection, cursor: string | null): Promise<InboxPage> {
  const me = await verifyCredentials(conn);
  const notifications: NotificationJson[] = [];
  let newest = cursor;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    // include_filtered (4.3+, ignored before): the notification policy filters private mentions
    // from strangers by default, and a stranger's direct message may be a counselling request.
    const query = new URLSearchParams({ 'types[]': 'mention', limit: String(PAGE), include_filtered: 'true' });
    if (newest) query.set('min_id', newest);
    const { body } = await conn.call<NotificationJson[]>(`/api/v1/notifications?${query}`);
    const list = Array.isArray(body) ? body : [];
    if (list.length === 0) break;
    notifications.push(...list);
    // The Link header's rel="prev" is min_id=<newest on the page>; the docs allow building it
    // from the ids, which also keeps a confused server from moving the cursor backwards.
    const top = maxId(list);
    if (!newest || compareIds(top, newest) > 0) newest = top;
    if (!cursor || list.length < PAGE) break;
  }

  const roots = rootFinder(conn);
  const seen = new Set<string>();
  const entries: InboxEntry[] = [];
  for (const n of notifications.sort((a, b) => compareIds(a.id, b.id))) {
    const s = n.status;
    if (!s || s.account.id === me.id || seen.has(s.id)) continue;
    seen.add(s.id);
    const rootRemoteId = s.in_reply_to_id ? await roots(s) : s.id;
    const direct = s.visibility === 'direct';
    entries.push({
      remoteId: s.id,
      kind: direct ? 'message' : s.in_reply_to_account_id === me.id ? 'reply' : 'mention',
      url: s.url ?? s.uri,
      text: [s.spoiler_text, statusText(s.content)].filter(Boolean).join('\n\n'),
      author: {
        id: s.account.id,
        handle: `@${s.account.acct.includes('@') ? s.account.acct : `${s.account.acct}@${conn.settings.domain}`}`,
        displayName: s.account.display_name || null,
        url: s.account.url ?? null,
      },
      createdAt: new Date(s.created_at),
      rootRemoteId: s.in_reply_to_id ? rootRemoteId : null,
      parentRemoteId: s.in_reply_to_id,
      // A direct thread is one conversation at Mastodon; its first status names it stably.
      conversationId: direct ? (rootRemoteId ?? s.in_reply_to_id) : null,
      raw: s as unknown as Record<string, unknown>,
    });
  }
  return { entries, cursor: newest };
}

/** The thread's first status from /context ancestors; one call per distinct parent. */
function rootFinder(conn: Connection) {
  const byParent = new Map<string, string | null>();
  let calls = 0;
  return async (s: InboxStatusJson): Promise<string | null> => {
    const parent = s.in_reply_to_id as string;
    const known = byParent.get(parent);
    if (known !== undefined) return known;
    if (calls >= MAX_CONTEXT_CALLS) return null;
    calls += 1;
    const { status, body } = await conn.call<{ ancestors?: { id: string }[] }>(
      `/api/v1/statuses/${encodeURIComponent(s.id)}/context`,
      { allow: [404] },
    );
    // Gone meanwhile (404): the parent is the best we know.
    const root = status === 404 ? parent : (body?.ancestors?.[0]?.id ?? parent);
    byParent.set(parent, root);
    return root;
  };
}

const maxId = (list: { id: string }[]) =>
  list.reduce((a, n) => (compareIds(n.id, a) > 0 ? n.id : a), list[0]?.id ?? '');

/** Mastodon ids are numeric strings of any length; compare as numbers. */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
