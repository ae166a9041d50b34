import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonFake, startMastodonFake } from '../server/src/test/mastodon-contract-fake.ts';
import {
  checkPage,
  connectMastodonThroughThePage,
  dialogGone,
  joinThroughInvitation,
  setUpThroughThePage,
} from './browser.ts';
import { apiCall, type Journey, startJourney } from './journey.ts';

// Issue #7, replies that need approval: the owner asks for an approval of every reply by Leitung →
// a critic answers our post on Mastodon (the contract fake) → the owner answers in the inbox: it
// waits, nothing reaches the instance → Leitung, in a browser of her own, approves it on the
// Freigaben page → the reply is at the instance, threaded under the criticism.

const owner = { name: 'Deniz Demir', email: 'deniz@example.org', password: 'eine-lange-passphrase' };
const leitung = { name: 'Lea Leitung', email: 'lea@example.org', password: 'eine-andere-lange-passphrase' };
const postText = 'Ab Montag hat der Stadtteiltreff neue Öffnungszeiten: Dienstag bis Samstag, 10 bis 18 Uhr.';
const criticism = 'Das ist wirklich enttäuschend, dass montags jetzt geschlossen ist. Schlecht geplant!';
const answer = 'Danke für Ihre offene Rückmeldung! Montags sind wir weiter telefonisch für Sie erreichbar.';
const hasty = 'Dann kommen Sie halt dienstags.';
const reason = 'Bitte freundlicher: Verständnis zeigen und die Telefonzeiten nennen.';

let journey: Journey;
let baseUrl = '';
let fake: MastodonFake;
let page: Page;
let approverPage: Page;
let orgId = '';

beforeAll(async () => {
  [journey, fake] = await Promise.all([startJourney(), startMastodonFake({ instant: true })]);
  ({ baseUrl, page } = journey);
  fake.setAuthorization({ account: 'stadtteiltreff' });
});
afterAll(async () => {
  await journey?.close();
  await fake?.close();
});

const thread = () => page.getByRole('article');
const repliesAtInstance = () => fake.statuses('stadtteiltreff').filter((s) => s.inReplyToId);

describe('replies that need approval', () => {
  it('sets up the organisation and connects Mastodon through OAuth', async () => {
    await setUpThroughThePage(page, baseUrl, owner);
    const session = await apiCall<{ organisations: { id: string }[] }>(page, 'GET', '/auth/session');
    orgId = session.organisations[0]!.id;

    await connectMastodonThroughThePage(page, fake.url, 'stadtteiltreff');
  });

  it('asks for an approval of every reply, by Leitung', async () => {
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByRole('navigation', { name: 'Einstellungen' }).getByRole('link', { name: 'Posteingang' }).click();
    await page.waitForURL('**/einstellungen/posteingang');
    const modes = page.getByRole('radiogroup', { name: 'Wann eine Freigabe nötig ist' });
    expect(await modes.getByRole('radio', { name: 'Antworten ohne Freigabe senden' }).isChecked()).toBe(true);
    // Switched off, nobody needs to be chosen.
    expect(await page.getByRole('group', { name: 'Wer Antworten freigibt' }).count()).toBe(0);
    await modes.getByRole('radio', { name: 'Jede Antwort erst freigeben lassen' }).check();
    const roles = page.getByRole('group', { name: 'Wer Antworten freigibt' });
    expect(await roles.getByRole('checkbox', { name: 'Leitung/Freigabe' }).isChecked()).toBe(true);
    expect(await roles.getByRole('checkbox', { name: 'Admin' }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('Die Einstellungen sind gespeichert.').isVisible()).toBe(true);
    await page.getByRole('group', { name: 'Freigabe von Antworten' }).scrollIntoViewIfNeeded();
    await checkPage(page, 'reply-approval-01-settings');

    await page.reload();
    await expect
      .poll(() =>
        page
          .getByRole('radiogroup', { name: 'Wann eine Freigabe nötig ist' })
          .getByRole('radio', { name: 'Jede Antwort erst freigeben lassen' })
          .isChecked(),
      )
      .toBe(true);
    const saved = await apiCall<{ replyApproval: string; replyApproverRoles: string[] }>(
      page,
      'GET',
      `/orgs/${orgId}/inbox/settings`,
    );
    expect(saved).toMatchObject({ replyApproval: 'always', replyApproverRoles: ['approver'] });
  });

  it('has Leitung on the team, in a browser of her own', async () => {
    approverPage = await joinThroughInvitation(page, baseUrl, orgId, { ...leitung, roles: ['approver'] });
  });

  it('publishes a post that somebody criticises', async () => {
    await page.getByRole('link', { name: 'Beiträge' }).click();
    await page.getByRole('textbox', { name: 'Text' }).fill(postText);
    await page.getByRole('checkbox', { name: /stadtteiltreff/ }).check();
    await page.getByRole('button', { name: 'Jetzt veröffentlichen', exact: true }).click();
    const post = page.getByRole('article').filter({ hasText: 'neue Öffnungszeiten' });
    await expect
      .poll(() => post.getByText('Veröffentlicht', { exact: true }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const ours = fake.statuses('stadtteiltreff');
    expect(ours).toHaveLength(1);
    fake.postAs('kritik', { text: criticism, inReplyToId: ours[0]!.id });
  });

  it('sends the owner’s answer to approval: it waits, nothing reaches the instance', async () => {
    await page.getByRole('link', { name: /^Posteingang/ }).click();
    await page.waitForURL('**/posteingang');
    await page.getByRole('button', { name: 'Jetzt abrufen' }).click();
    const item = page.getByRole('link').filter({ hasText: criticism });
    await expect.poll(() => item.isVisible(), { timeout: 15_000 }).toBe(true);
    await item.click();
    await expect
      .poll(() =>
        thread().getByText('Diese Antwort wird erst nach der Freigabe durch Leitung/Freigabe gesendet.').isVisible(),
      )
      .toBe(true);
    await thread()
      .getByRole('textbox', { name: /^Antwort an/ })
      .fill(answer);
    await thread().getByRole('button', { name: 'Zur Freigabe senden' }).click();

    const ourReplies = thread().getByRole('region', { name: 'Unsere Antworten' });
    await expect.poll(() => ourReplies.getByText('Wartet auf Freigabe', { exact: true }).isVisible()).toBe(true);
    expect(await ourReplies.getByText(answer).isVisible()).toBe(true);
    // Its author never approves it: no decision buttons for the owner, who is no approver here.
    expect(await thread().getByRole('button', { name: 'Freigeben und senden' }).count()).toBe(0);
    expect(repliesAtInstance()).toHaveLength(0);
    await checkPage(page, 'reply-approval-02-thread-pending');
  });

  it('lets Leitung approve it on the Freigaben page; then it is at the instance, threaded', async () => {
    const nav = approverPage.getByRole('link', { name: /^Freigaben/ });
    await approverPage.reload();
    await expect.poll(() => nav.textContent(), { timeout: 15_000 }).toContain('1');
    await nav.click();
    await approverPage.waitForURL('**/freigaben');
    const section = approverPage.getByRole('region', { name: 'Antworten aus dem Posteingang' });
    const pending = section.getByRole('listitem', { name: /^Antwort an @kritik/ });
    await expect.poll(() => pending.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await pending.getByText(criticism).isVisible()).toBe(true);
    expect(await pending.getByText('Kritik', { exact: true }).isVisible()).toBe(true);
    expect(await pending.getByText(postText).isVisible()).toBe(true);
    expect(await pending.getByText(answer).isVisible()).toBe(true);
    expect(await pending.getByText(`Vorgeschlagene Antwort von ${owner.name}`).isVisible()).toBe(true);
    await checkPage(approverPage, 'reply-approval-03-freigaben');

    await pending.getByRole('button', { name: 'Freigeben und senden' }).click();
    await expect
      .poll(() => section.getByText('Keine Antworten warten auf Ihre Freigabe.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    const criticId = fake.statuses('kritik')[0]!.id;
    await expect.poll(() => repliesAtInstance().length, { timeout: 15_000 }).toBe(1);
    const reply = repliesAtInstance()[0]!;
    expect(reply.inReplyToId).toBe(criticId);
    expect(reply.text).toContain('Danke für Ihre offene Rückmeldung!');
  });

  it('shows the owner the reply as sent, and who approved it', async () => {
    await page.reload();
    const ourReplies = thread().getByRole('region', { name: 'Unsere Antworten' });
    await expect
      .poll(() => ourReplies.getByText('Gesendet', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await ourReplies.getByText(/freigegeben von Lea Leitung/).isVisible()).toBe(true);
    await checkPage(page, 'reply-approval-04-thread-sent');
  });

  it('lets Leitung reject a second answer, always with a reason the owner then reads', async () => {
    await thread()
      .getByRole('textbox', { name: /^Antwort an/ })
      .fill(hasty);
    await thread().getByRole('button', { name: 'Zur Freigabe senden' }).click();
    const ourReplies = thread().getByRole('region', { name: 'Unsere Antworten' });
    await expect.poll(() => ourReplies.getByText('Wartet auf Freigabe', { exact: true }).isVisible()).toBe(true);

    await approverPage.reload();
    const section = approverPage.getByRole('region', { name: 'Antworten aus dem Posteingang' });
    const pending = section.getByRole('listitem', { name: /^Antwort an @kritik/ });
    await expect.poll(() => pending.getByText(hasty).isVisible(), { timeout: 15_000 }).toBe(true);
    await pending.getByRole('button', { name: 'Ablehnen' }).click();
    const dialog = approverPage.getByRole('dialog', { name: 'Antwort ablehnen' });
    await dialog.getByRole('button', { name: 'Ablehnen' }).click();
    await expect.poll(() => dialog.getByText('Bitte eine Begründung angeben.').isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Begründung' }).fill(reason);
    await dialog.getByRole('button', { name: 'Ablehnen' }).click();
    await dialogGone(approverPage);
    await expect
      .poll(() => section.getByText('Keine Antworten warten auf Ihre Freigabe.').isVisible(), { timeout: 15_000 })
      .toBe(true);

    await page.reload();
    await expect
      .poll(() => ourReplies.getByText('Nicht freigegeben', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await ourReplies.getByText(`Abgelehnt von Lea Leitung: „${reason}“`).isVisible()).toBe(true);
    expect(repliesAtInstance()).toHaveLength(1);
    await checkPage(page, 'reply-approval-05-thread-rejected');
  });
});
