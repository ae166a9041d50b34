import { entityOf, visibleTo } from './mastodon-contract-fake-delivery.ts';
import {
  accountEntity,
  type FakeAccount,
  type FakeNotification,
  type FakeStatus,
  notificationEntity,
} from './mastodon-contract-fake-entities.ts';
import { type Ctx, type Store, send, type Token } from './mastodon-contract-fake-store.ts';

// What an account is told, in the contract fake (docs: methods/notifications,
// methods/conversations, methods/statuses#context). Paging as documented: newest first;
// max_id = older than, since_id = newer than (newest page), min_id = immediately newer than
// (the page right after the id, still newest first); Link header with next (max_id) and prev
// (min_id). Notifications of a deleted status disappear with it, as in Mastodon.

const idOf = (v: string | null) => (v && /^\d+$/.test(v) ? BigInt(v) : null);

export function inboxRoutes(store: Store) {
  const account = (id: string) => store.accounts.get(id) as FakeAccount;

  return {
    notifications({ res, query }: Ctx, auth: Token) {
      const all = store.notifications.get(auth.accountId) ?? [];
      const types = [...query.getAll('types[]'), ...query.getAll('types')];
      const excluded = [...query.getAll('exclude_types[]'), ...query.getAll('exclude_types')];
      const keep = (n: FakeNotification) =>
        store.statuses.has(n.statusId) && (types.length === 0 || types.includes(n.type)) && !excluded.includes(n.type);
      const limit = Math.min(80, Math.max(1, Number(query.get('limit')) || 40));
      const out = page(all, query, limit, keep);
      const filters = new URLSearchParams();
      for (const t of types) filters.append('types[]', t);
      for (const t of excluded) filters.append('exclude_types[]', t);
      send(
        res,
        200,
        out.map((n) => notificationEntity(n, accountEntity(store.url, account(n.fromId)), statusOf(n.statusId))),
        linkHeader(`${store.url}/api/v1/notifications`, filters, out),
      );
    },

    conversations({ res, query }: Ctx, auth: Token) {
      const mine = [...(store.conversations.get(auth.accountId)?.values() ?? [])]
        .filter((c) => store.statuses.has(c.lastStatusId))
        .map((c) => ({ ...c, id: c.lastStatusId, conversation: c }))
        .sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : 1));
      const limit = Math.min(40, Math.max(1, Number(query.get('limit')) || 20));
      // Mastodon pages conversations by their last status id.
      const out = page(mine, query, limit, () => true);
      send(
        res,
        200,
        out.map(({ conversation: c }) => ({
          id: c.id,
          unread: c.unread,
          accounts: c.participantIds.map((id) => accountEntity(store.url, account(id))),
          last_status: statusOf(c.lastStatusId),
        })),
        linkHeader(`${store.url}/api/v1/conversations`, new URLSearchParams(), out),
      );
    },

    context({ res, path }: Ctx, auth: Token | undefined) {
      const s = store.statuses.get(path.split('/')[4] ?? '');
      if (!s || !visibleTo(s, auth)) return send(res, 404, { error: 'Record not found' });
      const ancestors: FakeStatus[] = [];
      for (let p = s.inReplyToId ? store.statuses.get(s.inReplyToId) : undefined; p; ) {
        if (visibleTo(p, auth)) ancestors.unshift(p);
        p = p.inReplyToId ? store.statuses.get(p.inReplyToId) : undefined;
      }
      const descendants: FakeStatus[] = [];
      const walk = (id: string) => {
        for (const childId of store.children.get(id) ?? []) {
          const child = store.statuses.get(childId);
          if (!child || !visibleTo(child, auth)) continue;
          descendants.push(child);
          walk(child.id);
        }
      };
      walk(s.id);
      const entity = (x: FakeStatus) => entityOf(store, x);
      send(res, 200, { ancestors: ancestors.map(entity), descendants: descendants.map(entity) });
    },
  };

  function statusOf(id: string) {
    return entityOf(store, store.statuses.get(id) as FakeStatus);
  }
}

/** One page of an id-ascending list, newest first, as Mastodon's max_id/since_id/min_id paging. */
function page<T extends { id: string }>(all: T[], query: URLSearchParams, limit: number, keep: (x: T) => boolean): T[] {
  const maxId = idOf(query.get('max_id'));
  const minId = idOf(query.get('min_id'));
  const lower = minId ?? idOf(query.get('since_id'));
  const out: T[] = [];
  if (minId !== null) {
    for (let i = firstAbove(all, minId); i < all.length && out.length < limit; i += 1) {
      const x = all[i] as T;
      if ((maxId === null || BigInt(x.id) < maxId) && keep(x)) out.push(x);
    }
    return out.reverse();
  }
  const start = maxId === null ? all.length - 1 : firstAbove(all, maxId - 1n) - 1;
  for (let i = start; i >= 0 && out.length < limit; i -= 1) {
    const x = all[i] as T;
    if (lower !== null && BigInt(x.id) <= lower) break;
    if (keep(x)) out.push(x);
  }
  return out;
}

function firstAbove(list: { id: string }[], id: bigint): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (BigInt((list[mid] as { id: string }).id) <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function linkHeader(base: string, filters: URLSearchParams, out: { id: string }[]): Record<string, string> {
  const first = out[0];
  const last = out.at(-1);
  if (!first || !last) return {};
  const extra = filters.size > 0 ? `&${filters}` : '';
  return { link: `<${base}?max_id=${last.id}${extra}>; rel="next", <${base}?min_id=${first.id}${extra}>; rel="prev"` };
}
