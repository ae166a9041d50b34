import { createHash, randomBytes } from 'node:crypto';
import { RejectedError } from '../contract.ts';
import { instanceOrigin, mastodonFetch } from './http.ts';

// Connecting a Mastodon account: register nahbar as an app on the instance once, send the user
// to /oauth/authorize with PKCE (S256, Mastodon 4.3+; older servers ignore it), and trade the
// code for a token. Granular scopes ask only for what nahbar needs: who the account is, its
// posts (to find a lost post; threads for the inbox), writing and deleting posts, uploading
// images, and its notifications (mentions, replies, direct messages for the inbox).

export const SCOPES = 'read:accounts read:statuses read:notifications write:statuses write:media';
export const CLIENT_NAME = 'nahbar';

export async function registerApp(
  instanceUrl: string,
  redirectUri: string,
  website: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const { body } = await mastodonFetch<{ client_id?: string; client_secret?: string }>(instanceUrl, '/api/v1/apps', {
    method: 'POST',
    // A string, not an array: servers before 4.3 accept only that form.
    json: { client_name: CLIENT_NAME, redirect_uris: redirectUri, scopes: SCOPES, website },
  });
  if (!body?.client_id || !body.client_secret) throw new RejectedError('app registration answered without credentials');
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

/** A PKCE pair (RFC 7636): 43 characters of verifier, its SHA-256 as the challenge. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(input: {
  instanceUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    scope: SCOPES,
    state: input.state,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${instanceOrigin(input.instanceUrl)}/oauth/authorize?${query}`;
}

type Client = { instanceUrl: string; clientId: string; clientSecret: string };

/** The code from the callback → an access token (Mastodon's tokens do not expire). */
export async function exchangeCode(
  input: Client & { redirectUri: string; code: string; codeVerifier: string; signal?: AbortSignal },
): Promise<string> {
  const { body } = await mastodonFetch<{ access_token?: string }>(input.instanceUrl, '/oauth/token', {
    method: 'POST',
    form: new URLSearchParams({
      grant_type: 'authorization_code',
      code: input.code,
      client_id: input.clientId,
      client_secret: input.clientSecret,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
      scope: SCOPES,
    }),
    signal: input.signal,
  });
  if (!body?.access_token) throw new RejectedError('token endpoint answered without a token');
  return body.access_token;
}

/** On disconnect: the instance forgets the token. Revoking twice is fine (idempotent). */
export async function revokeToken(input: Client & { token: string; signal?: AbortSignal }): Promise<void> {
  await mastodonFetch(input.instanceUrl, '/oauth/revoke', {
    method: 'POST',
    form: new URLSearchParams({ client_id: input.clientId, client_secret: input.clientSecret, token: input.token }),
    signal: input.signal,
  });
}
