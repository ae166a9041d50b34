import { beforeAll, describe, expect, it } from 'vitest';
import { TOTP_PERIOD, totpCode } from '../../crypto/totp.ts';
import { type Browser, call, createTestApp, PASSWORD, setUp, signIn, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let owner: Browser;
let email: string;
let secret: string;

const STEP = TOTP_PERIOD * 1000;
const code = (offsetSteps = 0) => totpCode(secret, t.deps.clock().getTime() + offsetSteps * STEP);
const wrong = (right: string) => String((Number(right) + 1) % 1_000_000).padStart(6, '0');
const storedSecret = async () =>
  (await t.db.$client.query('select totp_secret from users where email = $1', [email])).rows[0].totp_secret as
    | string
    | null;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, email } = await setUp(t.app));
});

describe('two-factor sign-in', () => {
  it('starts set-up with a secret, an otpauth link and a QR code, stored only sealed', async () => {
    const response = await call(t.app, { method: 'POST', url: '/api/auth/totp/setup', as: owner, body: {} });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    secret = body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toContain(`secret=${secret}`);
    expect(body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await storedSecret();
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(secret);
    // Not active until a code proves the app has the secret.
    expect((await signIn(t.app, email)).statusCode).toBe(200);
  });

  it('refuses to enable with a wrong code', async () => {
    const response = await call(t.app, {
      method: 'POST',
      url: '/api/auth/totp/enable',
      as: owner,
      body: { code: wrong(code()) },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('totp_invalid');
    expect((await call(t.app, { url: '/api/me', as: owner })).json().totpEnabled).toBe(false);
  });

  it('enables with a code from the app', async () => {
    const response = await call(t.app, {
      method: 'POST',
      url: '/api/auth/totp/enable',
      as: owner,
      body: { code: code() },
    });
    expect(response.statusCode).toBe(204);
    expect((await call(t.app, { url: '/api/me', as: owner })).json().totpEnabled).toBe(true);
  });

  it('asks for the code after the right password', async () => {
    const response = await signIn(t.app, email);
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({
      code: 'totp_required',
      message: 'Bitte geben Sie den Code aus Ihrer Authenticator-App ein.',
    });
    expect(response.cookies).toEqual([]);
  });

  it('refuses a wrong code, and the code used to enable (replay)', async () => {
    expect((await signIn(t.app, email, PASSWORD, wrong(code()))).json().error.code).toBe('totp_invalid');
    const replay = await signIn(t.app, email, PASSWORD, code());
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('totp_invalid');
  });

  it('signs in with password and a fresh code, once per code', async () => {
    t.advance(STEP);
    const fresh = code();
    const response = await signIn(t.app, email, PASSWORD, fresh);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.totpEnabled).toBe(true);
    expect((await signIn(t.app, email, PASSWORD, fresh)).statusCode).toBe(401);
  });

  it('lets only one of two simultaneous sign-ins with the same code through', async () => {
    t.advance(STEP);
    const fresh = code();
    const answers = await Promise.all([1, 2, 3].map(() => signIn(t.app, email, PASSWORD, fresh)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
  });

  it('does not let set-up be restarted to switch two-factor off without password and code', async () => {
    const restart = await call(t.app, { method: 'POST', url: '/api/auth/totp/setup', as: owner, body: {} });
    expect(restart.statusCode).toBe(409);
    expect(restart.json().error.code).toBe('totp_already_enabled');
    t.advance(STEP);
    expect((await signIn(t.app, email)).json().error.code).toBe('totp_required');
  });

  it('switches off only with password and a valid code', async () => {
    t.advance(STEP);
    const badPassword = await call(t.app, {
      method: 'POST',
      url: '/api/auth/totp/disable',
      as: owner,
      body: { password: 'falsches-passwort', code: code() },
    });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().error.details).toEqual([
      expect.objectContaining({ field: 'password', code: 'password_wrong' }),
    ]);
    const badCode = await call(t.app, {
      method: 'POST',
      url: '/api/auth/totp/disable',
      as: owner,
      body: { password: PASSWORD, code: wrong(code()) },
    });
    expect(badCode.statusCode).toBe(401);
    expect((await call(t.app, { url: '/api/me', as: owner })).json().totpEnabled).toBe(true);

    const ok = await call(t.app, {
      method: 'POST',
      url: '/api/auth/totp/disable',
      as: owner,
      body: { password: PASSWORD, code: code() },
    });
    expect(ok.statusCode).toBe(204);
    expect(await storedSecret()).toBeNull();
    expect((await signIn(t.app, email)).statusCode).toBe(200);
  });
});
