import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compose, deliver } from './mastodon-contract-fake-delivery.ts';
import {
  accountEntity,
  defaultLimits,
  type FakeAccount,
  type FakeStatus,
  type InstanceLimits,
  instanceEntity,
  instanceV1Entity,
} from './mastodon-contract-fake-entities.ts';
import { inboxRoutes } from './mastodon-contract-fake-inbox.ts';
import { oauthRoutes } from './mastodon-contract-fake-oauth.ts';
import { statusRoutes } from './mastodon-contract-fake-statuses.ts';
import { type Ctx, createStore, readBody, send, sendHtml, type Token } from './mastodon-contract-fake-store.ts';

// A CONTRACT FAKE of a Mastodon instance, built from docs.joinmastodon.org (methods/apps, oauth,
// accounts, instance, media, statuses, notifications, conversations; rate limits; Idempotency-Key). No Mastodon server runs
// here, so this plays one on loopback and adapter tests exercise their real HTTP code against
// it. It is also the peer of the publish benchmark: per-request work stays O(1)/O(log n), no logs.

export type MastodonFakeOptions = {
  /** No artificial delays: images are processed synchronously (200), no latency, no rate limit. */
  instant?: boolean;
  /** POST /api/v2/media answers 202 and GET /api/v1/media/:id 206 this many times (0 = 200). */
  mediaPolls?: number;
  limits?: Partial<InstanceLimits>;
  /** Per-account limit like Mastodon's 300 requests per 5 minutes; off unless given. */
  rateLimit?: { max: number; windowSeconds: number };
  /** Mastodon's own limit on DELETE /api/v1/statuses/:id (30 per 30 minutes per account); off unless given. */
  deleteLimit?: { max: number; windowSeconds: number };
  latencyMs?: number;
};

export type FailKind = 503 | 502 | 429 | 'reset' | 'accept-then-fail';
type Failure = { left: number; what: number | 'reset'; body: unknown; match: string | undefined };
type Outcome = { status: number; body: unknown } | 'reset' | 'accept-then-fail' | null;

export async function startMastodonFake(options: MastodonFakeOptions = {}) {
  const store = createStore();
  const oauth = oauthRoutes(store);
  const statuses = statusRoutes(store);
  const inbox = inboxRoutes(store);
  const windows = new Map<string, { start: number; count: number }>();
  const counts = new Map<string, number>();
  const failures: Failure[] = [];
  const chaos = { rate: 0, kinds: [503] as FailKind[], retryAfterSeconds: 30, instanceV2: true };
  const latencyMs = options.instant ? 0 : (options.latencyMs ?? 0);
  store.mediaPolls = options.instant ? 0 : (options.mediaPolls ?? 0);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  store.url = `http://${host}`;
  store.limits = { ...defaultLimits(host), ...options.limits };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const ctx: Ctx = { req, res, path, query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
    const route = `${req.method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
    counts.set(route, (counts.get(route) ?? 0) + 1);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const outcome = takeFailure(route);
    if (outcome === 'reset') return void req.socket.destroy();
    if (outcome === 'accept-then-fail') store.acceptThenFail += 1;
    else if (outcome) return fail(res, outcome.status, outcome.body);
    const body = req.method === 'POST' ? await readBody(req) : {};

    if (route === 'POST /api/v1/apps') return oauth.createApp(ctx, body);
    if (route === 'GET /oauth/authorize') return oauth.authorize(ctx);
    if (route === 'POST /oauth/token') return oauth.token(ctx, body);
    if (route === 'POST /oauth/revoke') return oauth.revoke(ctx, body);
    if (route === 'GET /api/v2/instance') {
      if (!chaos.instanceV2) return send(res, 404, { error: 'Not Found' });
      return send(res, 200, instanceEntity(store.url, store.limits));
    }
    if (route === 'GET /api/v1/instance') return send(res, 200, instanceV1Entity(store.url, store.limits));

    const auth = authenticate(req);
    if (auth === null) return send(res, 401, { error: 'The access token is invalid' });
    if (auth && !withinLimit(auth.accountId, options.instant ? undefined : options.rateLimit, res)) return;
    switch (route) {
      case 'GET /api/v1/accounts/verify_credentials':
        return scoped(ctx, auth, 'read:accounts') && verify(ctx, auth);
      case 'POST /api/v2/media':
      case 'POST /api/v1/media':
        return scoped(ctx, auth, 'write:media') && statuses.upload(ctx, auth, body, route.includes('v2'));
      case 'GET /api/v1/media/:id':
        return scoped(ctx, auth, 'write:media') && statuses.getMedia(ctx, auth);
      case 'POST /api/v1/statuses':
        return scoped(ctx, auth, 'write:statuses') && statuses.create(ctx, auth, body);
      case 'GET /api/v1/statuses/:id':
        return statuses.show(ctx, auth);
      case 'DELETE /api/v1/statuses/:id':
        return (
          scoped(ctx, auth, 'write:statuses') &&
          withinLimit(`delete:${auth.accountId}`, options.deleteLimit, res) &&
          statuses.remove(ctx, auth)
        );
      case 'GET /api/v1/accounts/:id/statuses':
        return statuses.list(ctx, auth);
      case 'GET /api/v1/statuses/:id/context':
        // Public statuses without a token; with one, Mastodon wants read:statuses.
        return (auth === undefined || scoped(ctx, auth, 'read:statuses')) && inbox.context(ctx, auth);
      case 'GET /api/v1/notifications':
        return scoped(ctx, auth, 'read:notifications') && inbox.notifications(ctx, auth);
      case 'GET /api/v1/conversations':
        return scoped(ctx, auth, 'read:statuses') && inbox.conversations(ctx, auth);
      default:
        send(res, 404, { error: 'Not Found' });
    }
  }

  function takeFailure(route: string): Outcome {
    for (let i = 0; i < failures.length; i += 1) {
      const f = failures[i] as Failure;
      if (f.match && !route.startsWith(f.match)) continue;
      f.left -= 1;
      if (f.left <= 0) failures.splice(i, 1);
      return f.what === 'reset' ? 'reset' : { status: f.what, body: f.body };
    }
    if (chaos.rate === 0 || Math.random() >= chaos.rate) return null;
    const kind = chaos.kinds[Math.floor(Math.random() * chaos.kinds.length)] ?? 503;
    if (kind === 'reset') return 'reset';
    if (kind === 'accept-then-fail') return route === 'POST /api/v1/statuses' ? kind : { status: 502, body: null };
    return { status: kind, body: null };
  }

  /** 429 as documented: X-RateLimit-* (reset as an ISO time) plus Retry-After. */
  function fail(res: ServerResponse, status: number, body: unknown) {
    if (status === 429) {
      const reset = new Date(Date.now() + chaos.retryAfterSeconds * 1000).toISOString();
      return send(res, 429, body ?? { error: 'Too many requests' }, {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
        'retry-after': String(chaos.retryAfterSeconds),
      });
    }
    if (body === null && status >= 500) return sendHtml(res, status);
    send(res, status, body ?? { error: `HTTP ${status}` });
  }

  /** A fixed window per key (an account, or an account's deletions), answered as Mastodon does. */
  function withinLimit(
    key: string,
    limit: { max: number; windowSeconds: number } | undefined,
    res: ServerResponse,
  ): boolean {
    if (!limit) return true;
    const now = Date.now();
    let w = windows.get(key);
    if (!w || now - w.start >= limit.windowSeconds * 1000) {
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count += 1;
    const reset = new Date(w.start + limit.windowSeconds * 1000);
    res.setHeader('x-ratelimit-limit', String(limit.max));
    res.setHeader('x-ratelimit-remaining', String(Math.max(0, limit.max - w.count)));
    res.setHeader('x-ratelimit-reset', reset.toISOString());
    if (w.count <= limit.max) return true;
    res.setHeader('retry-after', String(Math.ceil((reset.getTime() - now) / 1000)));
    send(res, 429, { error: 'Too many requests' });
    return false;
  }

  /** undefined: no Authorization header; null: a token we do not know (or revoked). */
  function authenticate(req: IncomingMessage): Token | null | undefined {
    const header = req.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(.+)$/i.exec(header);
    return (match && store.tokens.get(match[1] as string)) ?? null;
  }

  /** `read` covers `read:accounts` and so on, as in Mastodon's scope hierarchy. */
  function scoped(ctx: Ctx, auth: Token | undefined, needed: string): auth is Token {
    if (!auth) {
      send(ctx.res, 401, { error: 'The access token is invalid' });
      return false;
    }
    if (auth.scopes.includes(needed) || auth.scopes.includes(needed.split(':')[0] as string)) return true;
    send(ctx.res, 403, { error: 'This action is outside the authorized scopes' });
    return false;
  }

  function verify({ res }: Ctx, auth: Token) {
    const a = store.accounts.get(auth.accountId) as FakeAccount;
    send(res, 200, {
      ...accountEntity(store.url, a),
      statuses_count: store.timelines.get(a.id)?.filter((s) => !s.deleted).length ?? 0,
      source: { privacy: 'public', sensitive: false, language: 'de', note: '', fields: [] },
    });
  }

  return {
    url: store.url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    /** A valid token without the OAuth dance, creating the account on first use. */
    issueToken(accountName: string, scopes = ['read', 'write']): string {
      const token = store.secret();
      store.tokens.set(token, { accountId: store.account(accountName).id, clientId: null, scopes });
      return token;
    },
    revokeToken(token: string) {
      store.tokens.delete(token);
    },
    accountId: (name: string) => store.account(name).id,
    /** The next `count` requests (only those whose "METHOD /path" starts with `match`, if given) fail. */
    failNext(count: number, what: number | 'reset', body?: unknown, match?: string) {
      failures.push({ left: count, what, body: body ?? null, match });
    },
    /** The next `count` status creations happen, but the client is answered 502. */
    acceptThenFail(count = 1) {
      store.acceptThenFail += count;
    },
    /** Chaos: this share of requests fails with one of `kinds`, picked at random. */
    setFailRate(rate: number, kinds: FailKind[] = [503]) {
      chaos.rate = rate;
      chaos.kinds = kinds;
    },
    setLimits(limits: Partial<InstanceLimits>) {
      Object.assign(store.limits, limits);
    },
    /** false: GET /api/v2/instance answers 404, as on servers before 4.0. */
    setInstanceV2(enabled: boolean) {
      chaos.instanceV2 = enabled;
    },
    setMediaPolls(n: number) {
      store.mediaPolls = n;
    },
    setRetryAfter(seconds: number) {
      chaos.retryAfterSeconds = seconds;
    },
    /** Who clicks "Authorize" on /oauth/authorize, or that they click "Deny". */
    setAuthorization(opts: { account?: string; deny?: boolean }) {
      if (opts.account) store.authorizeAs = opts.account;
      if (opts.deny !== undefined) store.deny = opts.deny;
    },
    /**
     * Another account posts, as Mastodon's web composer would: a reply starts with the @mentions
     * of the parent's author and of everyone the parent names (prefilled there; without them
     * nobody is notified), `mentions` are further accounts named at the start. Synchronous and O(1), so benchmarks can fill an inbox fast.
     */
    postAs(
      accountName: string,
      input: { text: string; inReplyToId?: string; visibility?: FakeStatus['visibility']; mentions?: string[] },
    ): string {
      const author = store.account(accountName);
      const parent = input.inReplyToId ? store.statuses.get(input.inReplyToId) : undefined;
      if (input.inReplyToId && !parent) throw new Error(`no status ${input.inReplyToId}`);
      // The composer names the parent's author and everyone the parent names, except oneself.
      const prefilled = parent ? [parent.accountId, ...parent.mentionIds] : [];
      const names: string[] = [];
      for (const id of prefilled) {
        const name = (store.accounts.get(id) as FakeAccount).username;
        if (name !== accountName && !names.includes(name)) names.push(name);
      }
      for (const name of input.mentions ?? []) if (!names.includes(name)) names.push(name);
      for (const n of names) store.account(n);
      const missing = names.filter((n) => !new RegExp(`(^|\\s)@${n}(\\b|@)`).test(input.text));
      const text = [...missing.map((n) => `@${n}`), input.text].join(' ');
      const s = compose(store, author.id, { text, inReplyToId: parent?.id ?? null, visibility: input.visibility });
      deliver(store, s);
      return s.id;
    },
    /** How often a route was requested, e.g. "GET /api/v1/media/:id". */
    requests: (route: string) => counts.get(route) ?? 0,
    /** What was posted and not deleted, oldest first, with media and their descriptions. */
    statuses(accountName?: string) {
      const lists = accountName ? [store.timelines.get(store.account(accountName).id) ?? []] : store.timelines.values();
      return [...lists]
        .flat()
        .filter((s) => !s.deleted)
        .map((s) => ({
          id: s.id,
          account: (store.accounts.get(s.accountId) as FakeAccount).username,
          text: s.text,
          spoilerText: s.spoilerText,
          sensitive: s.sensitive,
          visibility: s.visibility,
          language: s.language,
          inReplyToId: s.inReplyToId,
          mentions: s.mentionIds.map((id) => (store.accounts.get(id) as FakeAccount).username),
          idempotencyKey: s.idempotencyKey,
          createdAt: s.createdAt,
          media: s.media.map((m) => ({ id: m.id, mime: m.mime, size: m.size, description: m.description })),
        }));
    },
  };
}

export type MastodonFake = Awaited<ReturnType<typeof startMastodonFake>>;
