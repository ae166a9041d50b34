import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonFake, startMastodonFake } from '../../test/mastodon-contract-fake.ts';
import { AuthError, RejectedError } from '../contract.ts';
import { mastodonAdapter } from './adapter.ts';
import { readInstance } from './instance.ts';
import { authorizeUrl, exchangeCode, pkce, registerApp, revokeToken, SCOPES } from './oauth.ts';

// Connecting an account end to end against the Mastodon contract fake: app registration, the
// authorize redirect (the fake's user clicks "Authorize"), the PKCE code exchange, verify.

let fake: MastodonFake;
const redirectUri = 'https://nahbar.example/api/channels/mastodon/callback';

beforeAll(async () => {
  fake = await startMastodonFake();
});
afterAll(() => fake.close());

/** Follows the authorize URL like a browser would and returns the callback's query. */
async function authorize(url: string): Promise<URLSearchParams> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') as string);
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  return location.searchParams;
}

async function start(state = 'state-123') {
  const app = await registerApp(fake.url, redirectUri, 'https://nahbar.example');
  const { verifier, challenge } = pkce();
  const url = authorizeUrl({
    instanceUrl: fake.url,
    clientId: app.clientId,
    redirectUri,
    state,
    codeChallenge: challenge,
  });
  return { app, verifier, url };
}

describe('Mastodon OAuth connect', () => {
  it('registers, authorizes with PKCE, exchanges the code and verifies the account', async () => {
    fake.setAuthorization({ account: 'jugendtreff', deny: false });
    const { app, verifier, url } = await start();
    expect(new URL(url).searchParams.get('scope')).toBe(SCOPES);
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');

    const callback = await authorize(url);
    expect(callback.get('state')).toBe('state-123');
    const accessToken = await exchangeCode({
      instanceUrl: fake.url,
      ...app,
      redirectUri,
      code: callback.get('code') as string,
      codeVerifier: verifier,
    });

    const settings = await readInstance(fake.url);
    const account = await mastodonAdapter().verify({
      credentials: { accessToken },
      settings,
      channelId: 'c1',
      publicUrl: 'https://nahbar.example',
    });
    expect(account).toEqual({
      id: fake.accountId('jugendtreff'),
      handle: `@jugendtreff@${new URL(fake.url).host}`,
      displayName: 'Jugendtreff',
      url: `${fake.url}/@jugendtreff`,
    });
  });

  it('refuses a code exchanged with the wrong PKCE verifier, and a code used twice', async () => {
    const { app, verifier, url } = await start();
    const code = (await authorize(url)).get('code') as string;
    const exchange = (codeVerifier: string) =>
      exchangeCode({ instanceUrl: fake.url, ...app, redirectUri, code, codeVerifier });

    const wrong = await exchange(pkce().verifier).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(RejectedError);
    expect((wrong as RejectedError).networkMessage).toMatch(/authorization grant is invalid/);

    await expect(exchange(verifier)).resolves.toEqual(expect.any(String));
    await expect(exchange(verifier)).rejects.toBeInstanceOf(RejectedError);
  });

  it('brings the user back with access_denied when they deny', async () => {
    fake.setAuthorization({ deny: true });
    try {
      const callback = await authorize((await start('s-deny')).url);
      expect(callback.get('error')).toBe('access_denied');
      expect(callback.get('state')).toBe('s-deny');
      expect(callback.get('code')).toBeNull();
    } finally {
      fake.setAuthorization({ deny: false });
    }
  });

  it('revokes the token: the account then answers 401 and verify says AuthError', async () => {
    const { app, verifier, url } = await start();
    const code = (await authorize(url)).get('code') as string;
    const token = await exchangeCode({ instanceUrl: fake.url, ...app, redirectUri, code, codeVerifier: verifier });
    await revokeToken({ instanceUrl: fake.url, ...app, token });
    await revokeToken({ instanceUrl: fake.url, ...app, token });

    const ctx = {
      credentials: { accessToken: token },
      settings: await readInstance(fake.url),
      channelId: 'c',
      publicUrl: '',
    };
    const error = await mastodonAdapter()
      .verify(ctx)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).networkMessage).toBe('The access token is invalid');
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(token);
  });

  it('refuses an unknown client secret with AuthError', async () => {
    const { app, verifier, url } = await start();
    const code = (await authorize(url)).get('code') as string;
    const error = await exchangeCode({
      instanceUrl: fake.url,
      clientId: app.clientId,
      clientSecret: 'not-the-secret',
      redirectUri,
      code,
      codeVerifier: verifier,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
  });
});
