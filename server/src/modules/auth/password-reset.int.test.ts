import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  call,
  createTestApp,
  linkTokenFor,
  PASSWORD,
  setUp,
  signIn,
  type TestApp,
} from '../../test/harness.ts';
import { RESET_MINUTES } from './account.ts';

const NEW_PASSWORD = 'ganz-neues-passwort-2';
const RESET_LINK = '/passwort-zuruecksetzen?token=';

let t: TestApp;
let owner: Browser;
let email: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, email } = await setUp(t.app));
});

const request = (address: string) =>
  call(t.app, { method: 'POST', url: '/api/auth/password-reset/request', body: { email: address } });
const confirm = (token: string, password = NEW_PASSWORD) =>
  call(t.app, { method: 'POST', url: '/api/auth/password-reset/confirm', body: { token, password } });
const mailsTo = async (address: string) =>
  (await t.db.$client.query('select subject, status, org_id from mail_outbox where to_address = $1', [address])).rows;

describe('password reset', () => {
  it('answers 202 for an unknown address and sends nothing', async () => {
    const response = await request('niemand@example.org');
    expect(response.statusCode).toBe(202);
    expect(await mailsTo('niemand@example.org')).toEqual([]);
  });

  it('answers 202 for a known address and keeps one mail in the outbox without SMTP', async () => {
    const response = await request(email);
    expect(response.statusCode).toBe(202);
    expect(await mailsTo(email)).toEqual([
      { subject: 'Ihr nahbar-Passwort zurücksetzen', status: 'outbox', org_id: null },
    ]);
  });

  it('sets a new password with the link, signs out every session, and the link works once', async () => {
    const token = await linkTokenFor(t, email, RESET_LINK);
    const response = await confirm(token);
    expect(response.statusCode).toBe(204);
    expect((await signIn(t.app, email, PASSWORD)).statusCode).toBe(401);
    expect((await signIn(t.app, email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await call(t.app, { url: '/api/auth/session', as: owner })).statusCode).toBe(401);

    const again = await confirm(token, 'noch-ein-passwort-3');
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({
      code: 'token_invalid',
      message: 'Der Link ist abgelaufen oder ungültig.',
    });
    expect((await signIn(t.app, email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('expires the link after 60 minutes', async () => {
    await request(email);
    const token = await linkTokenFor(t, email, RESET_LINK);
    t.advance((RESET_MINUTES + 1) * 60_000);
    expect((await confirm(token, 'zu-spaet-passwort')).statusCode).toBe(400);
    expect((await signIn(t.app, email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('makes older links useless once one link has been used', async () => {
    await request(email);
    const older = await linkTokenFor(t, email, RESET_LINK);
    await request(email);
    const newer = await linkTokenFor(t, email, RESET_LINK);
    expect(newer).not.toBe(older);
    expect((await confirm(newer, 'drittes-passwort-4')).statusCode).toBe(204);
    expect((await confirm(older, 'viertes-passwort-5')).statusCode).toBe(400);
    expect((await signIn(t.app, email, 'drittes-passwort-4')).statusCode).toBe(200);
  });

  it('rejects a too short new password with field details and keeps the link usable', async () => {
    await request(email);
    const token = await linkTokenFor(t, email, RESET_LINK);
    const short = await confirm(token, 'kurz');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([expect.objectContaining({ field: 'password', code: 'too_short' })]);
    expect((await confirm(token, 'lang-genug-passwort')).statusCode).toBe(204);
  });

  it('writes the reset into the audit log without the token', async () => {
    const session = await signIn(t.app, email, 'lang-genug-passwort');
    const { orgId } = { orgId: session.json().organisations[0].id };
    const audit = await t.db.$client.query(
      "select action, details from audit_log where org_id = $1 and action like 'auth.password_reset%'",
      [orgId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']),
    );
    expect(JSON.stringify(audit.rows)).not.toMatch(/token/i);
  });
});
