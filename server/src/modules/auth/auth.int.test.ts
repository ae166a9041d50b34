import { beforeAll, describe, expect, it } from 'vitest';
import { browserFrom, call, createTestApp, PASSWORD, setUp, signIn, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let email: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ email, orgId } = await setUp(t.app));
});

const sessionRows = async () => (await t.db.$client.query('select id_hash, csrf_token from sessions')).rows;

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const response = await signIn(t.app, email);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'nahbar_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.expires!.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const body = response.json();
    expect(body.user).toMatchObject({ email, totpEnabled: false });
    expect(body.organisations.map((o: { id: string }) => o.id)).toEqual([orgId]);
    expect(body.csrfToken).toEqual(expect.any(String));
  });

  it('accepts the e-mail address in any case and with spaces', async () => {
    const response = await signIn(t.app, `  ${email.toUpperCase()} `);
    expect(response.statusCode).toBe(200);
  });

  it('stores sessions only as hashes: the cookie value is nowhere in the table', async () => {
    const browser = browserFrom(await signIn(t.app, email));
    const rows = await sessionRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(browser.cookie);
  });

  it('gives the same answer for a wrong password and an unknown e-mail address', async () => {
    const wrong = await signIn(t.app, email, 'falsches-passwort');
    const unknown = await signIn(t.app, 'niemand@example.org', PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toEqual({
      code: 'invalid_credentials',
      message: 'E-Mail-Adresse oder Passwort ist falsch.',
    });
    expect(wrong.cookies).toEqual([]);
  });

  it('records sign-in and failed sign-in in the organisation’s audit log', async () => {
    const owner = browserFrom(await signIn(t.app, email));
    const audit = await call(t.app, { url: `/api/orgs/${orgId}/audit`, as: owner });
    const actions = audit.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
  });
});

describe('session', () => {
  it('returns the person and the CSRF token for the cookie', async () => {
    const browser = browserFrom(await signIn(t.app, email));
    const response = await call(t.app, {
      url: '/api/auth/session',
      headers: { cookie: `nahbar_session=${browser.cookie}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { email }, csrfToken: browser.csrf });
  });

  it('answers 401 without a cookie and with an unknown one', async () => {
    expect((await call(t.app, { url: '/api/auth/session' })).statusCode).toBe(401);
    const forged = await call(t.app, { url: '/api/auth/session', headers: { cookie: 'nahbar_session=ausgedacht' } });
    expect(forged.statusCode).toBe(401);
  });

  it('ends after 14 days without use', async () => {
    const browser = browserFrom(await signIn(t.app, email));
    t.advance(15 * 86_400_000);
    try {
      expect((await call(t.app, { url: '/api/auth/session', as: browser })).statusCode).toBe(401);
    } finally {
      t.advance(-15 * 86_400_000);
    }
  });
});

describe('sign-out', () => {
  it('clears the cookie and invalidates the session on the server', async () => {
    const browser = browserFrom(await signIn(t.app, email));
    const before = (await sessionRows()).length;
    const response = await call(t.app, { method: 'POST', url: '/api/auth/logout', as: browser });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === 'nahbar_session')!;
    expect(cleared.value).toBe('');
    expect((await sessionRows()).length).toBe(before - 1);
    // Someone who copied the cookie before sign-out gets nothing with it.
    const reused = await call(t.app, { url: '/api/auth/session', as: browser });
    expect(reused.statusCode).toBe(401);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/members`, as: browser })).statusCode).toBe(401);
  });

  it('signs out only this browser, not the person’s other sessions', async () => {
    const laptop = browserFrom(await signIn(t.app, email));
    const phone = browserFrom(await signIn(t.app, email));
    await call(t.app, { method: 'POST', url: '/api/auth/logout', as: laptop });
    expect((await call(t.app, { url: '/api/auth/session', as: phone })).statusCode).toBe(200);
  });
});
