import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, setUpThroughThePage } from './browser.ts';
import { apiCall, type Journey, startJourney } from './journey.ts';

// The review inside the composer: a policy "Redaktion, always" → the composer says why and offers
// „Zur Freigabe einreichen“ → the owner submits and is told they cannot approve their own post →
// a quoted comment → an editor (invited) approves → the owner may plan again.

const owner = { name: 'Jana Brehm', email: 'jana.brehm@example.org', password: 'eine-lange-passphrase' };
const editor = { name: 'Malik Özdemir', email: 'malik@example.org', password: 'noch-eine-lange-passphrase' };
const postText = 'Am Samstag feiern wir unser Sommerfest im Garten. Alle Nachbarinnen und Nachbarn sind eingeladen!';

let browser: Browser;
let page: Page;
let baseUrl = '';
let orgId = '';
let postId = '';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  ({ baseUrl, browser, page } = journey);
});
afterAll(async () => {
  await journey?.close();
});

const call = <T>(on: Page, method: string, url: string, body?: unknown) => apiCall<T>(on, method, url, body);

const reviewPanel = (on: Page) => on.getByRole('region', { name: 'Freigabestatus' });

describe('composer: review', () => {
  it('says the post needs approval and why, and offers „Zur Freigabe einreichen“', async () => {
    await setUpThroughThePage(page, baseUrl, owner, 'Nachbarschaftshaus Lindenhof');
    const session = await call<{ organisations: { id: string }[] }>(page, 'GET', '/auth/session');
    orgId = session.organisations[0]!.id;
    await call(page, 'POST', `/orgs/${orgId}/approval-policies`, {
      name: 'Alles über die Redaktion',
      steps: [{ name: 'Redaktion', roles: ['editor'], mode: 'any', deadlineHours: 48 }],
      rules: { always: true },
    });
    const feed = await call<{ id: string }>(page, 'POST', `/orgs/${orgId}/channels`, {
      network: 'feed',
      title: 'Website Lindenhof',
      siteUrl: 'https://lindenhof.example.org',
    });
    const post = await call<{ id: string }>(page, 'POST', `/orgs/${orgId}/posts`, {
      text: postText,
      targets: [{ channelId: feed.id }],
      when: { mode: 'draft' },
    });
    postId = post.id;

    await page.goto(`${baseUrl}/beitraege/${postId}`);
    const note = page.getByText(
      'Dieser Beitrag braucht eine Freigabe: Redaktion, weil alle Beiträge freigegeben werden.',
    );
    await expect.poll(() => note.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole('button', { name: 'Planen' }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Nur freigeben, später planen' }).check();
    await page.getByLabel('Hinweis für die Freigabe (optional)').fill('Bitte bis Freitag ansehen.');
    await checkPage(page, 'composer-review-01-needs-approval');
  });

  it('submits; the owner is told they cannot approve their own post', async () => {
    await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect.poll(() => reviewPanel(page).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => reviewPanel(page).getByText('In Freigabe', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('review-refusal').textContent()).toBe(
      'Eigene Beiträge können Sie nicht freigeben (Vier-Augen-Prinzip).',
    );
    expect(await reviewPanel(page).getByTestId('review-step').first().textContent()).toContain('jetzt an der Reihe');
    expect(await reviewPanel(page).getByRole('button', { name: 'Freigeben' }).count()).toBe(0);
    const history = page.getByRole('region', { name: 'Verlauf des Beitrags' });
    await expect
      .poll(() => history.getByText('Jana Brehm hat den Beitrag zur Freigabe eingereicht.').isVisible())
      .toBe(true);
    await checkPage(page, 'composer-review-02-submitted');
  });

  it('comments on a passage selected in the text', async () => {
    await page
      .getByRole('textbox', { name: 'Text', exact: true })
      .evaluate((el: HTMLTextAreaElement) =>
        el.setSelectionRange(el.value.indexOf('im Garten'), el.value.indexOf('im Garten') + 9),
      );
    const comments = page.getByRole('region', { name: 'Kommentare' });
    await comments.getByRole('button', { name: 'Markierte Stelle zitieren' }).click();
    await comments.getByLabel('Ihr Kommentar').fill('Bei Regen im Saal – bitte ergänzen.');
    await comments.getByRole('button', { name: 'Kommentar hinzufügen' }).click();
    // The note given when submitting is the first comment.
    const items = comments.getByTestId('review-comment');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.first().textContent()).toContain('Bitte bis Freitag ansehen.');
    const item = items.last();
    expect(await item.textContent()).toContain('im Garten');
    expect(await item.textContent()).toContain('Bei Regen im Saal');
    await checkPage(page, 'composer-review-03-comment');
  });

  it('an editor approves; the owner may plan the approved version', async () => {
    await call(page, 'POST', `/orgs/${orgId}/invitations`, { email: editor.email, roles: ['editor'] });
    const mails = await call<{ to: string; text: string }[]>(page, 'GET', `/orgs/${orgId}/outbox`);
    const link = mails.find((m) => m.to.includes(editor.email))?.text.match(/https?:\/\/\S+einladung\?token=\S+/)?.[0];
    expect(link).toBeTruthy();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    const other = await context.newPage();
    await other.goto(link!);
    await other.getByRole('textbox', { name: 'Name', exact: true }).fill(editor.name);
    await other.getByLabel('Passwort').fill(editor.password);
    await other.getByRole('button', { name: 'Einladung annehmen' }).click();
    await other.waitForURL(`${baseUrl}/`);

    await other.goto(`${baseUrl}/beitraege/${postId}`);
    await expect.poll(() => reviewPanel(other).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => reviewPanel(other).getByText('Sie entscheiden als Redaktion.').isVisible()).toBe(true);
    // A comment is needed to ask for changes.
    await reviewPanel(other).getByRole('button', { name: 'Änderungen erbitten' }).click();
    await expect
      .poll(() => reviewPanel(other).getByText('Bitte schreiben Sie, was geändert werden soll').isVisible())
      .toBe(true);
    await checkPage(other, 'composer-review-04-editor-decides');
    await reviewPanel(other).getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => reviewPanel(other).getByText('Freigegeben', { exact: true }).isVisible()).toBe(true);
    expect(await reviewPanel(other).getByTestId('review-step').first().textContent()).toContain(
      'Freigegeben von Malik Özdemir (Redaktion)',
    );
    await checkPage(other, 'composer-review-05-approved');
    await context.close();

    await page.reload();
    await expect
      .poll(() => page.getByText('Diese Fassung ist freigegeben. Sie können sie jetzt planen.').isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).count()).toBe(0);
    await checkPage(page, 'composer-review-06-owner-may-plan');
  });
});
