import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from './crypto/secret-box.ts';
import { TOTP_PERIOD, totpCode } from './crypto/totp.ts';
import {
  addMember,
  call,
  createTestApp,
  invitationTokenFor,
  linkTokenFor,
  PASSWORD,
  setUp,
  signIn,
  type TestApp,
} from './test/harness.ts';
import { eventually } from './test/smtp.ts';

// Everything secret that passes through the app in a day's work, collected on the way.
const secrets: Record<string, string> = {};
let t: TestApp;
let ownerEmail: string;

beforeAll(async () => {
  // Nothing listens on port 1: every mail fails and is logged, which gives the logs content.
  t = await createTestApp({ config: { smtpUrl: 'smtp://127.0.0.1:1' } });
  const { owner, orgId, email } = await setUp(t.app);
  ownerEmail = email;
  secrets.password = PASSWORD;

  const login = await signIn(t.app, email);
  secrets.cookie = login.cookies.find((c) => c.name === 'nahbar_session')!.value;
  secrets.csrf = login.json().csrfToken;

  const token = await call(t.app, { method: 'POST', url: '/api/tokens', as: owner, body: { name: 'CI' } });
  secrets.apiToken = token.json().token;
  await call(t.app, { url: `/api/orgs/${orgId}/members`, token: secrets.apiToken });
  await call(t.app, { url: `/api/orgs/${orgId}/members`, token: `${secrets.apiToken}x` });

  const member = await addMember(t, owner, orgId, ['editor'], 'Tara Totp');
  secrets.invitation = await invitationTokenFor(t, member.email);
  const setup = await call(t.app, { method: 'POST', url: '/api/auth/totp/setup', as: member, body: {} });
  secrets.totpSecret = setup.json().secret;
  await call(t.app, {
    method: 'POST',
    url: '/api/auth/totp/enable',
    as: member,
    body: { code: totpCode(secrets.totpSecret!) },
  });
  t.advance(TOTP_PERIOD * 1000);
  await signIn(t.app, member.email, PASSWORD, totpCode(secrets.totpSecret!, t.deps.clock().getTime()));
  await signIn(t.app, member.email, 'ein-falsches-passwort');

  await call(t.app, { method: 'POST', url: '/api/auth/password-reset/request', body: { email } });
  secrets.reset = await linkTokenFor(t, email, '/passwort-zuruecksetzen?token=');
  secrets.newPassword = 'das-neue-geheime-passwort';
  await call(t.app, {
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    body: { token: secrets.reset, password: secrets.newPassword },
  });
  await t.deps.mailer.idle();
  await eventually(async () => (t.logs.some((line) => line.includes('mail delivery failed')) ? true : undefined));
});

describe('logs', () => {
  it('hold something to check', () => {
    expect(t.logs.length).toBeGreaterThan(0);
  });

  it('contain no password, token, cookie, link token or TOTP secret', () => {
    const all = t.logs.join('\n');
    for (const [name, value] of Object.entries(secrets)) {
      expect(value.length, name).toBeGreaterThan(8);
      expect(all.includes(value), `${name} appears in the logs`).toBe(false);
    }
  });

  it('log a server error with its reason but without the secrets of the request', async () => {
    // A TOTP seed sealed with a key the server no longer has (a lost key file): the server
    // cannot check the code, answers 500 and logs why — and nothing secret.
    const lostKey = createSecretBox(randomBytes(32));
    await t.db.$client.query('update users set totp_secret = $1 where email = $2', [
      lostKey.seal(secrets.totpSecret!),
      ownerEmail,
    ]);
    await t.db.$client.query('update users set totp_enabled_at = now() where email = $1', [ownerEmail]);
    const before = t.logs.length;
    const response = await signIn(t.app, ownerEmail, secrets.newPassword, '123456');
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toEqual({ code: 'internal', message: 'Ein unerwarteter Fehler ist aufgetreten.' });
    const logged = t.logs.slice(before).join('\n');
    expect(logged).toContain(`unknown key ${lostKey.keyId}`);
    expect(logged).not.toContain(secrets.totpSecret!);
    expect(logged).not.toContain(secrets.newPassword);
  });
});
