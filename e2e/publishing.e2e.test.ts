import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launch, setUpThroughThePage } from './browser.ts';
import startServer from './global-setup.ts';

// Set-up → add a website feed → write a post and publish it now → the feed carries it.
// This journey starts its own server on a fresh data dir: the foundation journey expects an
// instance that nobody has set up yet, and files may run in either order.

const owner = { name: 'Clara Claussen', email: 'clara@example.org', password: 'eine-lange-passphrase' };
const feedTitle = 'Neuigkeiten aus dem Stadtteiltreff';
const postText =
  'Am Samstag ist der Stadtteiltreff von 10 bis 14 Uhr geöffnet. Kommt vorbei – Kaffee und Kuchen gibt es auch!';

let baseUrl = '';
let stopServer: (() => Promise<void>) | undefined;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const project = { provide: (_key: 'baseUrl', value: string) => (baseUrl = value) };
  stopServer = await startServer(project as unknown as Parameters<typeof startServer>[0]);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await stopServer?.();
});

describe('publishing journey', () => {
  it('sets up the organisation and opens the empty channels page from the navigation', async () => {
    await setUpThroughThePage(page, baseUrl, owner);

    await page.getByRole('link', { name: 'Kanäle' }).click();
    await page.waitForURL('**/kanaele');
    await expect.poll(() => page.getByText('Noch kein Kanal verbunden.').isVisible()).toBe(true);
    await checkPage(page, 'publishing-01-channels-empty');
  });

  it('explains the Bluesky app password before anyone types their main password', async () => {
    await page.getByRole('button', { name: 'Kanal hinzufügen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Bluesky/ }).click();
    await expect.poll(() => dialog.getByText(/Niemals das Hauptpasswort/).isVisible()).toBe(true);
    await checkPage(page, 'publishing-02-add-bluesky');
    await dialog.getByRole('button', { name: 'Andere Art wählen' }).click();
  });

  it('adds a website feed and shows its three addresses', async () => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Website-Feed/ }).click();
    await dialog.getByLabel('Titel des Feeds').fill(feedTitle);
    await dialog.getByLabel('Adresse der Website').fill('https://stadtteiltreff-suedviertel.de');
    await dialog.getByLabel('Beschreibung').fill('Was im Treff los ist.');
    await dialog.getByRole('button', { name: 'Feed anlegen' }).click();

    const card = page.getByRole('article', { name: feedTitle });
    await expect.poll(() => card.getByText('Verbunden').isVisible()).toBe(true);
    await expect.poll(() => card.getByText(/Hier ist noch nichts erschienen/).isVisible()).toBe(true);
    for (const format of ['RSS', 'Atom', 'JSON Feed']) {
      expect(await card.getByRole('button', { name: `${format}-Adresse kopieren` }).isVisible()).toBe(true);
    }
    // The dialog fades out; wait until it is gone so the screenshot shows the page, not the fade.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.waitForTimeout(300);
    await checkPage(page, 'publishing-03-channels');
  });

  it('publishes a post to the feed now and shows it as published', async () => {
    await page.getByRole('link', { name: 'Beiträge' }).click();
    await page.waitForURL('**/beitraege');
    await page.getByRole('textbox', { name: 'Text' }).fill(postText);
    await page.getByRole('checkbox', { name: feedTitle }).check();
    await expect.poll(() => page.getByText(`${feedTitle}: ${postText.length} von`).isVisible()).toBe(true);
    await checkPage(page, 'publishing-04-composer');
    await page.getByRole('button', { name: 'Jetzt veröffentlichen', exact: true }).click();

    const post = page.getByRole('article').filter({ hasText: postText });
    await expect
      .poll(() => post.getByText('Veröffentlicht', { exact: true }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await post.getByRole('link', { name: 'Beitrag im Feed ansehen' }).isVisible()).toBe(true);
    await checkPage(page, 'publishing-05-posts');
  });

  it('the RSS address carries the post, and the channel counts it as its last post', async () => {
    await page.getByRole('link', { name: 'Kanäle' }).click();
    const card = page.getByRole('article', { name: feedTitle });
    const rssUrl = await card.locator('code').first().textContent();
    expect(rssUrl).toMatch(/\/rss\.xml$/);
    const rss = await (await fetch(rssUrl ?? '')).text();
    expect(rss).toContain('Am Samstag ist der Stadtteiltreff von 10 bis 14 Uhr geöffnet.');
    await expect.poll(() => card.getByText(/Hier ist noch nichts erschienen/).isVisible()).toBe(false);
    await checkPage(page, 'publishing-06-channels-after-post');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/beitraege`);
    await expect.poll(() => page.getByRole('heading', { name: 'Beiträge', level: 1 }).isVisible()).toBe(true);
    await checkPage(page, 'publishing-07-posts-mobile');
  });
});
