import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  defaultLimits,
  type FakeAccount,
  type FakeConversation,
  type FakeMedia,
  type FakeNotification,
  type FakeStatus,
  type InstanceLimits,
} from './mastodon-contract-fake-entities.ts';

// The Mastodon contract fake's memory and its small HTTP helpers, shared by its route files.

export type Token = { accountId: string; clientId: string | null; scopes: string[] };
export type App = { clientId: string; clientSecret: string; redirectUris: string[]; scopes: string[] };
export type Code = { app: App; redirectUri: string; scopes: string[]; challenge: string | null; accountId: string };
export type Body = Record<string, unknown>;
export type Ctx = { req: IncomingMessage; res: ServerResponse; path: string; query: URLSearchParams };

export function createStore() {
  const accounts = new Map<string, FakeAccount>();
  const byName = new Map<string, FakeAccount>();
  const timelines = new Map<string, FakeStatus[]>();
  let lastId = 0n;
  let seq = 0;
  let notificationSeq = 0;
  const smallId = () => String(100_000 + ++seq);
  return {
    url: '',
    accounts,
    timelines,
    statuses: new Map<string, FakeStatus>(),
    /** Replies per status id, in creation order (for /context descendants). */
    children: new Map<string, string[]>(),
    /** Per account, oldest first (ids ascend), so paging is a binary search. */
    notifications: new Map<string, FakeNotification[]>(),
    /** Per account: conversation id → its AccountConversation. */
    conversations: new Map<string, Map<string, FakeConversation>>(),
    media: new Map<string, FakeMedia>(),
    tokens: new Map<string, Token>(),
    apps: new Map<string, App>(),
    codes: new Map<string, Code>(),
    /** `${accountId}\0${key}` → the status it created; Mastodon keeps these for an hour. */
    idempotency: new Map<string, { statusId: string; at: number }>(),
    limits: defaultLimits('127.0.0.1') as InstanceLimits,
    mediaPolls: 0,
    acceptThenFail: 0,
    authorizeAs: 'alice',
    deny: false,
    /** Snowflake-like ids as Mastodon's: milliseconds << 16, so they sort by creation time. */
    nextId() {
      const t = BigInt(Date.now()) << 16n;
      lastId = t > lastId ? t : lastId + 1n;
      return lastId.toString();
    },
    smallId,
    /** Notification ids are a plain sequence in Mastodon, unlike status ids. */
    nextNotificationId: () => String(++notificationSeq),
    /** An account by username, without creating it (mentions of unknown names stay text). */
    findAccount: (name: string) => byName.get(name),
    secret: () => randomBytes(24).toString('base64url'),
    account(name: string): FakeAccount {
      let a = byName.get(name);
      if (!a) {
        const displayName = name[0]?.toUpperCase() + name.slice(1);
        a = { id: smallId(), username: name, displayName, createdAt: new Date().toISOString() };
        accounts.set(a.id, a);
        byName.set(name, a);
        timelines.set(a.id, []);
      }
      return a;
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export const truthy = (v: unknown) => v === true || v === 'true' || v === '1' || v === 1;

/** Rails-style arrays: `media_ids[]=1&media_ids[]=2`, `media_ids: [...]` or a single value. */
export function listParam(body: Body, name: string): string[] {
  const v = body[name] ?? body[`${name}[]`];
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** JSON, form-encoded or multipart, as Mastodon (Rails) accepts all three. */
export async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return {};
  if (type.startsWith('application/json')) return JSON.parse(raw.toString()) as Body;
  const out: Body = {};
  const add = (k: string, v: unknown) => {
    out[k] = k.endsWith('[]') ? [...((out[k] as unknown[] | undefined) ?? []), v] : v;
  };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    for (const [k, v] of form) add(k, v);
  } else {
    for (const [k, v] of new URLSearchParams(raw.toString())) add(k, v);
  }
  return out;
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  const text = body === null ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** What a proxy in front of Mastodon answers when Puma is gone: HTML, not JSON. */
export function sendHtml(res: ServerResponse, status: number) {
  const text = `<html><body><h1>${status}</h1></body></html>`;
  res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
