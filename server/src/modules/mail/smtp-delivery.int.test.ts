import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { eventually, type SmtpInbox, startSmtpInbox } from '../../test/smtp.ts';

const outboxRow = async (t: TestApp, to: string) =>
  (
    await t.db.$client.query<{ status: string; error: string | null; sent_at: Date | null }>(
      'select status, error, sent_at from mail_outbox where to_address = $1',
      [to],
    )
  ).rows[0];

const requestReset = (t: TestApp, email: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/request',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ email }),
  });

describe('password reset mail through a real SMTP server', () => {
  let inbox: SmtpInbox;
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await createTestApp({ config: { smtpUrl: inbox.url, mailFrom: 'nahbar <nahbar@traeger.example>' } });
    ({ email } = await setUp(t.app));
  });
  afterAll(() => inbox.close());

  it('delivers a German mail with text and HTML parts and marks it sent', async () => {
    expect((await requestReset(t, email)).statusCode).toBe(202);
    const [mail] = await inbox.waitFor(1);
    expect(mail!.subject).toBe('Ihr nahbar-Passwort zurücksetzen');
    expect(mail!.from?.text).toContain('nahbar@traeger.example');
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain(email);
    expect(mail!.text).toMatch(/http:\/\/nahbar\.test\/passwort-zuruecksetzen\?token=[\w%-]{20,}/);
    expect(mail!.text).toContain('60 Minuten');
    expect(mail!.html).toContain('Neues Passwort festlegen');
    const row = await eventually(async () => {
      const found = await outboxRow(t, email);
      return found?.status === 'sent' ? found : undefined;
    });
    expect(row.error).toBeNull();
    expect(row.sent_at).toBeInstanceOf(Date);
  });
});

describe('a slow SMTP server', () => {
  let inbox: SmtpInbox;
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    inbox = await startSmtpInbox({ delayMs: 1500 });
    t = await createTestApp({ config: { smtpUrl: inbox.url } });
    ({ email } = await setUp(t.app));
  });
  afterAll(() => inbox.close());

  it('does not hold up the answer, so its timing does not reveal that the account exists', async () => {
    const started = Date.now();
    expect((await requestReset(t, email)).statusCode).toBe(202);
    expect(Date.now() - started).toBeLessThan(1000);
    await inbox.waitFor(1);
    await eventually(async () => ((await outboxRow(t, email))?.status === 'sent' ? true : undefined));
  });
});

describe('SMTP server down', () => {
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    // Nothing listens on port 1.
    t = await createTestApp({ config: { smtpUrl: 'smtp://127.0.0.1:1' } });
    ({ email } = await setUp(t.app));
  });

  it('still answers 202 and keeps the mail as failed, with the reason', async () => {
    expect((await requestReset(t, email)).statusCode).toBe(202);
    const row = await eventually(async () => {
      const found = await outboxRow(t, email);
      return found?.status === 'failed' ? found : undefined;
    });
    expect(row.error).toMatch(/ECONNREFUSED/);
    expect(row.sent_at).toBeNull();
  });
});
