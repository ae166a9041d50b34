import { type AdapterContext, AuthError } from '../contract.ts';
import { type MastodonAnswer, type MastodonCall, mastodonFetch } from './http.ts';
import { type MastodonSettings, readSettings } from './instance.ts';

// The connected account as the adapter's methods use it: instance, token and the job's abort
// signal bound once, plus the few entity shapes we read (docs: entities/Status, Account).

export type StatusJson = {
  id: string;
  url: string | null;
  uri: string;
  created_at: string;
  content: string;
  spoiler_text: string;
  in_reply_to_id: string | null;
  reblog: unknown;
  media_attachments: { id: string; description: string | null }[];
};

export type AccountJson = { id: string; username: string; acct: string; display_name: string; url: string | null };

export type Connection = {
  settings: MastodonSettings;
  signal: AbortSignal | undefined;
  call<T>(path: string, call?: Omit<MastodonCall, 'token' | 'signal'>): Promise<MastodonAnswer<T>>;
};

export function connect(ctx: AdapterContext, timeoutMs?: number): Connection {
  const settings = readSettings(ctx.settings);
  const token = ctx.credentials.accessToken;
  if (!settings.instanceUrl || !token) throw new AuthError('channel has no Mastodon connection');
  return {
    settings,
    signal: ctx.signal,
    call: (path, call = {}) =>
      mastodonFetch(settings.instanceUrl, path, { timeoutMs, ...call, token, signal: ctx.signal }),
  };
}

export async function verifyCredentials(conn: Connection): Promise<AccountJson> {
  return (await conn.call<AccountJson>('/api/v1/accounts/verify_credentials')).body;
}
