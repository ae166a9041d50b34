import { beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, createTestApp, PASSWORD, setUp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let email: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId, email } = await setUp(t.app));
});

const orgName = async () =>
  (await t.db.$client.query('select name from organisations where id = $1', [orgId])).rows[0].name as string;
const count = async (table: string) =>
  Number((await t.db.$client.query(`select count(*)::int as n from ${table}`)).rows[0].n);

function rename(headers: Record<string, string>) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/orgs/${orgId}`,
    headers: { 'content-type': 'application/json', cookie: `nahbar_session=${owner.cookie}`, ...headers },
    payload: JSON.stringify({ name: 'Übernommen' }),
  });
}

describe('CSRF protection for signed-in browsers', () => {
  it('refuses a change without the x-csrf-token header and changes nothing', async () => {
    const response = await rename({});
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'csrf_failed', message: expect.stringContaining('neu') });
    expect(await orgName()).toBe('Jugendhilfe Nord');
  });

  it('refuses a wrong token, including another session’s token', async () => {
    expect((await rename({ 'x-csrf-token': 'geraten' })).statusCode).toBe(403);
    const other = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email, password: PASSWORD } });
    expect((await rename({ 'x-csrf-token': other.json().csrfToken })).statusCode).toBe(403);
    expect(await orgName()).toBe('Jugendhilfe Nord');
  });

  it('refuses sign-out without the token, so another site cannot sign people out', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `nahbar_session=${owner.cookie}` },
    });
    expect(response.statusCode).toBe(403);
    expect((await call(t.app, { url: '/api/auth/session', as: owner })).statusCode).toBe(200);
  });

  it('accepts the change with the session’s own token', async () => {
    const response = await rename({ 'x-csrf-token': owner.csrf });
    expect(response.statusCode).toBe(200);
    expect(await orgName()).toBe('Übernommen');
  });

  it('does not need the token for reading', async () => {
    const response = await t.app.inject({
      url: `/api/orgs/${orgId}/members`,
      headers: { cookie: `nahbar_session=${owner.cookie}` },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('requests without a session from other sites', () => {
  const login = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ email, password: PASSWORD }),
    });

  it('refuses sign-in posted from a foreign Origin and creates no session', async () => {
    const before = await count('sessions');
    const response = await login({ origin: 'https://boese.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
    expect(response.cookies).toEqual([]);
    expect(await count('sessions')).toBe(before);
  });

  it('refuses a malformed Origin with 403, not a server error', async () => {
    expect((await login({ origin: 'kein url' })).statusCode).toBe(403);
  });

  it('refuses when the browser says the request is cross-site', async () => {
    expect((await login({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it('refuses set-up and password reset from a foreign Origin too', async () => {
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      headers: { 'content-type': 'application/json', origin: 'https://boese.example' },
      payload: JSON.stringify({ email }),
    });
    expect(reset.statusCode).toBe(403);
    expect(await count('password_resets')).toBe(0);
  });

  it('accepts the same request from our own origin', async () => {
    const direct = await login({
      origin: 'http://localhost:3000',
      host: 'localhost:3000',
      'sec-fetch-site': 'same-origin',
    });
    expect(direct.statusCode).toBe(200);
    const https = await login({ origin: 'https://nahbar.example.org', host: 'nahbar.example.org' });
    expect(https.statusCode).toBe(200);
  });

  it('accepts our PUBLIC_URL as Origin behind a proxy that does not forward Host', async () => {
    // The test app's PUBLIC_URL is http://nahbar.test.
    const response = await login({ origin: 'http://nahbar.test', host: '127.0.0.1:3000' });
    expect(response.statusCode).toBe(200);
  });

  it('refuses an Origin that only shares the host name, not the port', async () => {
    expect((await login({ origin: 'http://localhost:4000', host: 'localhost:3000' })).statusCode).toBe(403);
  });
});
