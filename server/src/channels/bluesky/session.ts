import { createHash } from 'node:crypto';
import { Agent, CredentialSession } from '@atproto/api';
import type { AdapterContext } from '../contract.ts';
import { blueskyError } from './errors.ts';

// createSession is rate limited (30 per 5 minutes per account), so each process keeps one
// logged-in agent per channel and credentials; @atproto/api refreshes its access token by
// itself. Tokens live only in this map, never in logs or errors.

export const DEFAULT_SERVICE = 'https://bsky.social';
const REQUEST_TIMEOUT_MS = 30_000;

export type BlueskySession = { agent: Agent; did: string; handle: string };

const sessions = new Map<string, Promise<BlueskySession>>();

export function serviceOf(ctx: Pick<AdapterContext, 'credentials' | 'settings'>): string {
  const fromSettings = typeof ctx.settings.service === 'string' ? ctx.settings.service : undefined;
  return ctx.credentials.service || fromSettings || DEFAULT_SERVICE;
}

/**
 * Runs `work` with a logged-in agent. When the cached session turns out to be dead (refresh
 * token expired, app password revoked), logs in once more before giving up with an AuthError.
 */
export async function withSession<T>(ctx: AdapterContext, work: (s: BlueskySession) => Promise<T>): Promise<T> {
  const key = cacheKey(ctx);
  const cached = sessions.get(key);
  const session = cached ?? login(key, ctx);
  try {
    return await work(await session);
  } catch (error) {
    const mapped = blueskyError(error);
    if (!cached || mapped.kind !== 'auth') throw mapped;
    sessions.delete(key);
    try {
      return await work(await login(key, ctx));
    } catch (retryError) {
      throw blueskyError(retryError);
    }
  }
}

/** Forgets the process's session for these credentials (after they were found wrong). */
export function dropSession(ctx: AdapterContext): void {
  sessions.delete(cacheKey(ctx));
}

function login(key: string, ctx: AdapterContext): Promise<BlueskySession> {
  const timedFetch: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
  const credentials = new CredentialSession(new URL(serviceOf(ctx)), timedFetch);
  const pending = credentials
    .login({ identifier: ctx.credentials.identifier ?? '', password: ctx.credentials.appPassword ?? '' })
    .then((res) => ({ agent: new Agent(credentials), did: res.data.did, handle: res.data.handle }));
  sessions.set(key, pending);
  // A failed login must not stay cached: the next attempt (new password) logs in again.
  pending.catch(() => {
    if (sessions.get(key) === pending) sessions.delete(key);
  });
  return pending;
}

function cacheKey(ctx: AdapterContext): string {
  const { identifier = '', appPassword = '' } = ctx.credentials;
  const hash = createHash('sha256')
    .update(JSON.stringify([serviceOf(ctx), identifier, appPassword]))
    .digest('hex');
  return `${ctx.channelId}:${hash}`;
}
