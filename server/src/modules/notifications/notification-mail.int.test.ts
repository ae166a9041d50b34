import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localHour, sendDigests } from '../../jobs/notification-digest.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { type SmtpInbox, startSmtpInbox } from '../../test/smtp.ts';
import { notify } from './notify.ts';
import { sendImmediate, UNSENT_AFTER_MS } from './send-immediate.ts';

let inbox: SmtpInbox;
let t: TestApp;
let orgId: string;
let owner: Browser;
let soon: Browser & { email: string };
let daily: Browser & { email: string };
let never: Browser & { email: string };

const to = (mail: ParsedMail) => (mail.to && 'text' in mail.to ? mail.to.text : '');
const mailsTo = (email: string) => inbox.mails.filter((m) => to(m).includes(email));
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const choose = (as: Browser, mode: string) =>
  call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as, body: { modes: { publish_failed: mode } } });

const failed = (post: string) => ({
  orgId,
  userIds: [soon.userId, daily.userId, never.userId],
  type: 'publish_failed' as const,
  params: { channel: 'Mastodon Nord', post, kind: 'rejected', reason: 'Text is too long' },
  link: '/beitraege/5a0c6a46-1f0b-4a8e-9d5e-3f1c2b7a9e10',
});

/** Milliseconds until the next full hour at which Berlin's clock says 7. */
function untilSevenInBerlin(now: Date): number {
  const nextHour = new Date(now);
  nextHour.setUTCMinutes(5, 0, 0);
  for (let h = 1; h <= 48; h += 1) {
    const at = new Date(nextHour.getTime() + h * 3_600_000);
    if (localHour(at, 'Europe/Berlin') === 7) return at.getTime() - now.getTime();
  }
  throw new Error('no 7 o’clock within two days');
}

beforeAll(async () => {
  inbox = await startSmtpInbox();
  t = await createTestApp({ config: { smtpUrl: inbox.url, mailFrom: 'nahbar <nahbar@traeger.example>' } });
  ({ owner, orgId } = await setUp(t.app, 'Jugendhilfe Nord'));
  soon = await addMember(t, owner, orgId, ['editor'], 'Sofia Sofort');
  daily = await addMember(t, owner, orgId, ['editor'], 'Tom Täglich');
  never = await addMember(t, owner, orgId, ['editor'], 'Nora Nie');
  expect((await choose(daily, 'daily')).statusCode).toBe(200);
  expect((await choose(never, 'off')).statusCode).toBe(200);
  // Tom reads English.
  await t.db.$client.query(`update users set language = 'en' where id = $1`, [daily.userId]);
  await t.deps.mailer.idle();
  inbox.mails.length = 0;
});
afterAll(() => inbox.close());

describe('e-mail per delivery mode, through a real SMTP server', () => {
  it('mails "immediately" at once in German with a link into the app; daily and off wait', async () => {
    await notify(t.deps, failed('Sommerfest am Samstag'));
    const [mail] = await inbox.waitFor(1);
    expect(to(mail!)).toContain(soon.email);
    expect(mail!.subject).toBe('Beitrag bei Mastodon Nord nicht veröffentlicht');
    expect(mail!.text).toContain('Der Beitrag „Sommerfest am Samstag“ konnte bei Mastodon Nord (Jugendhilfe Nord)');
    expect(mail!.text).toContain(
      'Grund: Das Netzwerk hat den Beitrag abgelehnt. Meldung des Netzwerks: „Text is too long“',
    );
    expect(mail!.text).toContain('http://nahbar.test/beitraege/5a0c6a46-1f0b-4a8e-9d5e-3f1c2b7a9e10');
    expect(mail!.html).toContain('Beitrag öffnen');
    await settle();
    expect(mailsTo(daily.email)).toHaveLength(0);
    expect(mailsTo(never.email)).toHaveLength(0);
    // All three see it in the notification centre.
    for (const person of [soon, daily, never]) {
      const list = await call(t.app, { url: '/api/notifications', as: person });
      expect(list.json().unreadCount).toBe(1);
    }
  });

  it('sends the daily summary only at 7 o’clock local time, once, in the reader’s language', async () => {
    await notify(t.deps, failed('Elternabend'));
    await t.deps.mailer.idle();
    const before = inbox.mails.length;
    if (localHour(t.deps.clock(), 'Europe/Berlin') !== 7) {
      expect((await sendDigests(t.deps)).mails).toBe(0);
    }
    t.advance(untilSevenInBerlin(t.deps.clock()));
    expect((await sendDigests(t.deps)).mails).toBe(1);
    await inbox.waitFor(before + 1);
    const [digest] = mailsTo(daily.email);
    expect(digest!.subject).toBe('Your daily summary: 2 updates');
    expect(digest!.text).toContain('Jugendhilfe Nord:');
    expect(digest!.text).toContain('• Post not published on Mastodon Nord – http://nahbar.test/beitraege/');
    // Sent once: the next run in the same hour finds nothing left.
    expect((await sendDigests(t.deps)).mails).toBe(0);
    await settle();
    expect(mailsTo(daily.email)).toHaveLength(1);
    expect(mailsTo(never.email)).toHaveLength(0);
  });

  it('a mail whose sender died after commit goes out with the sweep a minute later', async () => {
    // The event committed, but nothing delivered it (the process died right after).
    await t.db.transaction((tx) => notify(t.deps, failed('Verloren geglaubt'), tx));
    await settle();
    const before = mailsTo(soon.email).length;
    expect(await sendImmediate(t.deps, { olderThanMs: UNSENT_AFTER_MS })).toBe(0);
    t.advance(UNSENT_AFTER_MS + 1000);
    expect(await sendImmediate(t.deps, { olderThanMs: UNSENT_AFTER_MS })).toBe(1);
    await inbox.waitFor(inbox.mails.length + 1);
    expect(mailsTo(soon.email).map((m) => m.text)).toHaveLength(before + 1);
    expect(mailsTo(soon.email).at(-1)!.text).toContain('„Verloren geglaubt“');
    expect(await sendImmediate(t.deps, { olderThanMs: UNSENT_AFTER_MS })).toBe(0);
  });
});
