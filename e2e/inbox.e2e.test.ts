import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonFake, startMastodonFake } from '../server/src/test/mastodon-contract-fake.ts';
import { checkPage, connectMastodonThroughThePage, dialogGone, dialogShown, setUpThroughThePage } from './browser.ts';
import { type Journey, startJourney } from './journey.ts';

// Set-up → connect Mastodon through OAuth (the contract fake) → write a reply template → publish
// → three other accounts answer (a question, an insult, crisis wording) → "Jetzt abrufen" → answer
// the question with the template (threaded at the instance) → secure evidence of the insult
// (Mastodon cannot hide replies: evidence plus mute/block/report links) → the crisis alert.

const owner = { name: 'Deniz Demir', email: 'deniz@example.org', password: 'eine-lange-passphrase' };
const postText = 'Sommerfest im Stadtteiltreff am Samstag von 14 bis 18 Uhr – alle sind herzlich eingeladen!';
const question = 'Wann genau beginnt der Kuchenverkauf? Kann man auch ohne Anmeldung kommen?';
const hostile = 'Ihr seid doch alle Idioten, haltet endlich die Klappe!';
const crisis = 'Ich will nicht mehr leben, ich halte das alles nicht mehr aus.';
const netiquette = 'https://stadtteiltreff.example.org/netiquette';

let journey: Journey;
let baseUrl = '';
let fake: MastodonFake;
let page: Page;

beforeAll(async () => {
  [journey, fake] = await Promise.all([startJourney(), startMastodonFake({ instant: true })]);
  ({ baseUrl, page } = journey);
  fake.setAuthorization({ account: 'stadtteiltreff' });
});
afterAll(async () => {
  await journey?.close();
  await fake?.close();
});

const item = (text: string) => page.getByRole('link').filter({ hasText: text });
const thread = () => page.getByRole('article');

describe('inbox journey', () => {
  it('sets up the organisation and connects Mastodon through OAuth', async () => {
    await setUpThroughThePage(page, baseUrl, owner);

    await connectMastodonThroughThePage(page, fake.url, 'stadtteiltreff');
  });

  it('sets the inbox up: netiquette, crisis procedure and a reply template with placeholders', async () => {
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByRole('navigation', { name: 'Einstellungen' }).getByRole('link', { name: 'Posteingang' }).click();
    await page.waitForURL('**/einstellungen/posteingang');
    await page.getByRole('textbox', { name: 'Netiquette (Adresse)' }).fill(netiquette);
    await page
      .getByRole('textbox', { name: 'Krisenablauf' })
      .fill('Sofort die Leitung (Frau Aydin, 0421 555 12) anrufen. Antwort nur durch Fachkräfte.');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('Die Einstellungen sind gespeichert.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Neuer Baustein' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Danke für die Frage');
    await dialog
      .getByRole('textbox', { name: 'Text' })
      .fill(
        'Hallo {{autor}}, danke für Ihre Frage! Wir melden uns gleich. Bitte beachten Sie unsere Netiquette: {{netiquette}}',
      );
    await dialogShown(page);
    await checkPage(page, 'inbox-01-template-editor');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialogGone(page);
    await expect.poll(() => page.getByRole('listitem', { name: 'Danke für die Frage' }).isVisible()).toBe(true);
    await checkPage(page, 'inbox-02-settings');
  });

  it('publishes a post that three other accounts answer', async () => {
    await page.getByRole('link', { name: 'Beiträge' }).click();
    await page.getByRole('textbox', { name: 'Text' }).fill(postText);
    await page.getByRole('checkbox', { name: /stadtteiltreff/ }).check();
    await page.getByRole('button', { name: 'Jetzt veröffentlichen', exact: true }).click();
    const post = page.getByRole('article').filter({ hasText: 'Sommerfest im Stadtteiltreff' });
    await expect
      .poll(() => post.getByText('Veröffentlicht', { exact: true }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const ours = fake.statuses('stadtteiltreff');
    expect(ours).toHaveLength(1);
    const ourId = ours[0]!.id;
    fake.postAs('anna', { text: question, inReplyToId: ourId });
    fake.postAs('troll', { text: hostile, inReplyToId: ourId });
    fake.postAs('mika', { text: crisis, inReplyToId: ourId });
  });

  it('fetches now and lists the replies, crisis first, with their classes', async () => {
    await page.getByRole('link', { name: /^Posteingang/ }).click();
    await page.waitForURL('**/posteingang');
    await page.getByRole('button', { name: 'Jetzt abrufen' }).click();
    await expect.poll(() => item(question).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => item(hostile).isVisible()).toBe(true);
    const links = await page.getByRole('list', { name: 'Einträge' }).getByRole('link').allTextContents();
    expect(links).toHaveLength(3);
    expect(links[0]).toContain(crisis);
    expect(links[0]).toContain('Krise');
    expect(await item(question).getByText('Frage', { exact: true }).isVisible()).toBe(true);
    expect(await item(hostile).getByText('Feindselig', { exact: true }).isVisible()).toBe(true);
    // The navigation counts what is open.
    await expect.poll(() => page.getByRole('link', { name: /^Posteingang/ }).textContent()).toContain('3');
    await checkPage(page, 'inbox-03-list');
  });

  it('answers the question with the template, threaded at the instance', async () => {
    await item(question).click();
    await expect.poll(() => thread().getByText('Unser Beitrag').isVisible()).toBe(true);
    expect(await thread().locator('mark').count()).toBeGreaterThan(0);
    expect(await thread().getByRole('heading', { name: 'Warum diese Einordnung?' }).isVisible()).toBe(true);
    await checkPage(page, 'inbox-04-thread-question');

    await thread().getByRole('button', { name: 'Antwortbaustein einfügen' }).click();
    await page.getByRole('menuitem', { name: 'Danke für die Frage' }).click();
    const box = thread().getByRole('textbox', { name: /^Antwort an/ });
    await expect.poll(() => box.inputValue()).toMatch(/^Hallo @anna@127\.0\.0\.1:\d+, danke für Ihre Frage!/);
    expect(await box.inputValue()).toContain(netiquette);
    await expect
      .poll(() =>
        thread()
          .getByText(/von 500 Zeichen/)
          .isVisible(),
      )
      .toBe(true);
    await thread().getByRole('button', { name: 'Antworten', exact: true }).click();

    await expect
      .poll(() => thread().getByText('Gesendet', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const annaId = fake.statuses('anna')[0]!.id;
    const reply = fake.statuses('stadtteiltreff').find((s) => s.inReplyToId === annaId);
    expect(reply?.text).toContain('danke für Ihre Frage');
    await expect.poll(() => thread().getByText('Beantwortet', { exact: true }).first().isVisible()).toBe(true);
    await checkPage(page, 'inbox-05-answered');
  });

  it('secures evidence of the insult and offers the network’s moderation links', async () => {
    await page.getByText('Alle', { exact: true }).click();
    await item(hostile).click();
    await expect
      .poll(() =>
        thread()
          .getByText(/kann Antworten nicht ausblenden/)
          .isVisible(),
      )
      .toBe(true);
    expect(
      await thread()
        .getByRole('button', { name: /Ausblenden/ })
        .count(),
    ).toBe(0);
    await thread().getByRole('button', { name: 'Beweis sichern' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Beweis sichern' }).click();
    await expect.poll(() => dialog.getByText(/Bitte einen Grund angeben/).isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Grund' }).fill('Beleidigung der Besucherinnen und Besucher');
    await dialogShown(page);
    // No full-page screenshot of this open dialog: in about half the runs the capture made the
    // dialog close before the click (not reproducible by hand); the dialog is the same Mantine
    // modal the template editor's screenshot shows, and axe checks the page after saving.
    await dialog.getByRole('button', { name: 'Beweis sichern' }).click();
    await dialogGone(page);

    const download = thread().getByRole('link', { name: 'Herunterladen' });
    await expect.poll(() => download.count(), { timeout: 10_000 }).toBe(1);
    const href = await download.getAttribute('href');
    const res = await page.request.get(`${baseUrl}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/attachment/);
    expect(await res.text()).toContain('Idioten');
    const links = thread().getByRole('group', { name: 'Moderation bei Mastodon' }).getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    await checkPage(page, 'inbox-07-evidence');
  });

  it('puts the crisis procedure and the help numbers on top of a crisis item', async () => {
    await item(crisis).click();
    const alert = thread().getByRole('alert').filter({ hasText: 'Mögliche Krise' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.getByText(/Frau Aydin/).isVisible()).toBe(true);
    expect(await alert.getByRole('link', { name: '0800 111 0 111' }).isVisible()).toBe(true);
    await checkPage(page, 'inbox-08-crisis');
  });

  it('tells the author under the bell when the instance refuses a post, and leads to it', async () => {
    fake.failNext(1, 422, { error: 'Validation failed: Text enthält einen gesperrten Link' }, 'POST /api/v1/statuses');
    await page.getByRole('link', { name: 'Beiträge' }).click();
    await page.waitForURL('**/beitraege');
    await page.getByRole('textbox', { name: 'Text' }).fill('Flohmarkt am Samstag im Hof, alle sind willkommen.');
    await page.getByRole('checkbox', { name: /stadtteiltreff/ }).check();
    await page.getByRole('button', { name: 'Jetzt veröffentlichen', exact: true }).click();
    const post = page.getByRole('article').filter({ hasText: 'Flohmarkt am Samstag' });
    await expect
      .poll(() => post.getByText('Fehlgeschlagen', { exact: true }).isVisible(), { timeout: 30_000 })
      .toBe(true);

    // The bell asks again when the window gets focus; a reload does the same at once.
    await page.reload();
    const bell = page.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' });
    await expect.poll(() => bell.isVisible(), { timeout: 15_000 }).toBe(true);
    await bell.click();
    const notice = page.getByText(
      /Der Beitrag „Flohmarkt am Samstag.*“ konnte bei .* nicht veröffentlicht werden: .*gesperrten Link/,
    );
    await expect.poll(() => notice.isVisible()).toBe(true);
    await checkPage(page, 'inbox-09-notification');
    await notice.click();
    await page.waitForURL(/\/beitraege\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('button', { name: 'Benachrichtigungen' }).isVisible()).toBe(true);
  });

  it('lets each person choose how they hear about it', async () => {
    await page.getByRole('link', { name: 'Einstellungen', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Einstellungen' })
      .getByRole('link', { name: 'Benachrichtigungen' })
      .click();
    await page.waitForURL('**/einstellungen/benachrichtigungen');
    const failed = page.getByRole('radiogroup', { name: /Veröffentlichung fehlgeschlagen/ });
    await failed.getByRole('radio', { name: 'Tägliche Zusammenfassung' }).check();
    await expect
      .poll(() =>
        page.getByText('Gespeichert: Veröffentlichung fehlgeschlagen – Tägliche Zusammenfassung.').isVisible(),
      )
      .toBe(true);
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByRole('radiogroup', { name: /Veröffentlichung fehlgeschlagen/ })
          .getByRole('radio', { name: 'Tägliche Zusammenfassung' })
          .isChecked(),
      )
      .toBe(true);
    await checkPage(page, 'inbox-10-notification-settings');
  });
});
