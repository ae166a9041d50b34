import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  browserFrom,
  call,
  createTestApp,
  linkTokenFor,
  PASSWORD,
  setUp,
  signIn,
  type TestApp,
} from '../../test/harness.ts';

const NEW_PASSWORD = 'nach-dem-post-it-2';

let t: TestApp;
let laptop: Browser;
let email: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner: laptop, email } = await setUp(t.app));
});

const change = (as: Browser, currentPassword: string, newPassword = NEW_PASSWORD) =>
  call(t.app, { method: 'POST', url: '/api/me/password', as, body: { currentPassword, newPassword } });

describe('changing the password', () => {
  it('needs the current password', async () => {
    const response = await change(laptop, 'falsch-geraten');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'currentPassword', code: 'password_wrong', message: 'Das Passwort ist falsch.' },
    ]);
    expect((await signIn(t.app, email, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a new password under 10 characters', async () => {
    const response = await change(laptop, PASSWORD, 'kurz');
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'too_short' }),
    ]);
  });

  it('changes it, keeps this browser signed in and signs out the others', async () => {
    const office = browserFrom(await signIn(t.app, email));
    expect((await change(laptop, PASSWORD)).statusCode).toBe(204);
    expect((await call(t.app, { url: '/api/auth/session', as: laptop })).statusCode).toBe(200);
    expect((await call(t.app, { url: '/api/auth/session', as: office })).statusCode).toBe(401);
    expect((await signIn(t.app, email, PASSWORD)).statusCode).toBe(401);
    expect((await signIn(t.app, email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('makes an open reset link useless', async () => {
    await call(t.app, { method: 'POST', url: '/api/auth/password-reset/request', body: { email } });
    const token = await linkTokenFor(t, email, '/passwort-zuruecksetzen?token=');
    expect((await change(laptop, NEW_PASSWORD, 'drittes-passwort-3')).statusCode).toBe(204);
    const reset = await call(t.app, {
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      body: { token, password: 'angreifer-passwort' },
    });
    expect(reset.statusCode).toBe(400);
  });
});
