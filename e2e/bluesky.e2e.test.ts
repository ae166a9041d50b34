import { AppBskyEmbedImages } from '@atproto/api';
import { graphemeCount } from '@nahbar/common/rules/post-text';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlueskyNetwork, TestAccount } from '../server/src/test/bluesky-network.ts';
import { type BlueskyJourney, startBlueskyJourney } from './bluesky-journey.ts';
import { checkPage, connectBlueskyThroughThePage, dialogGone, dialogShown, setUpThroughThePage } from './browser.ts';

// Set-up → connect a Bluesky account on a real local PDS → publish a long text with an image
// (a thread of two) → the PDS holds both records → take it down → the PDS holds none.
// Own server on a fresh data dir, like the publishing journey; the PDS is PLC + PDS only.

const owner = { name: 'Deniz Demir', email: 'deniz@example.org', password: 'eine-lange-passphrase' };
const postText =
  'Sommerfest im Stadtteiltreff Südviertel am Samstag, 14. Juni, von 14 bis 18 Uhr! 🌻 Es gibt Kuchen ' +
  'vom Backkreis, eine Hüpfburg für die Kleinen und ab 16 Uhr spielt die Band der Jugendwerkstatt.\n\n' +
  'Wer mithelfen möchte – beim Aufbau ab 12 Uhr oder am Kuchenbuffet –, meldet sich bitte bis Mittwoch ' +
  'im Büro oder unter 0421 123456. Der Eintritt ist frei, Spenden für die Ferienfahrt nehmen wir gern. ' +
  'Bringt Nachbarinnen und Nachbarn mit, wir freuen uns auf euch alle!';
const altText = 'Plakat zum Sommerfest: eine gelbe Sonnenblume auf blauem Grund.';

let j: BlueskyJourney;
let baseUrl = '';
let page: Page;
let network: BlueskyNetwork;
let account: TestAccount;
const postsOnPds = () => j.postsOnPds();

beforeAll(async () => {
  j = await startBlueskyJourney('stadtteiltreff');
  ({ baseUrl, page, network, account } = j);
});
afterAll(() => j?.close());

describe('Bluesky journey', () => {
  it('sets up the organisation', async () => {
    expect(graphemeCount(postText)).toBeGreaterThan(300);
    // The sunflower is one grapheme but two UTF-16 units: the counter must say graphemes.
    expect(graphemeCount(postText)).toBeLessThan(postText.length);
    await setUpThroughThePage(page, baseUrl, owner);
  });

  it('connects the Bluesky account with an app password on its own PDS', async () => {
    await connectBlueskyThroughThePage(page, account, network.pdsUrl);
    await checkPage(page, 'bluesky-01-channel-connected');
  });

  it('publishes a long text with an image as a thread of two, and shows the link', async () => {
    await page.getByRole('link', { name: 'Beiträge' }).click();
    await page.waitForURL('**/beitraege');
    await page.getByRole('textbox', { name: 'Text' }).fill(postText);

    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#1d4e89' } })
      .composite([{ input: Buffer.from(sunflowerSvg), top: 100, left: 250 }])
      .png()
      .toBuffer();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'sommerfest.png', mimeType: 'image/png', buffer: png });
    const alt = page.getByRole('textbox', { name: 'Bildbeschreibung (Alternativtext)' });
    await alt.fill(altText);

    await page.getByRole('checkbox', { name: account.handle }).check();
    await expect.poll(() => page.getByText('wird als Thread mit 2 Teilen veröffentlicht').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`: ${graphemeCount(postText)} von 300 Zeichen`).isVisible()).toBe(true);
    await checkPage(page, 'bluesky-02-composer');
    await page.getByRole('button', { name: 'Jetzt veröffentlichen', exact: true }).click();

    const post = page.getByRole('article').filter({ hasText: 'Sommerfest im Stadtteiltreff' });
    await expect
      .poll(() => post.getByText('Veröffentlicht', { exact: true }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const link = post.getByRole('link', { name: 'Beitrag bei Bluesky ansehen' });
    expect(await link.getAttribute('href')).toMatch(/\/post\/[a-z0-9]+$/);
    await checkPage(page, 'bluesky-03-published');
  });

  it('the PDS holds two records forming a reply chain, the first with the image and its alt text', async () => {
    const records = await postsOnPds();
    expect(records).toHaveLength(2);
    const first = records.find((r) => !r.value.reply);
    const second = records.find((r) => r.value.reply);
    expect(first && second).toBeTruthy();
    expect(second!.value.reply!.root.uri).toBe(first!.uri);
    expect(second!.value.reply!.parent.uri).toBe(first!.uri);
    expect(second!.value.reply!.parent.cid).toBe(first!.cid);
    expect(first!.value.text.startsWith('Sommerfest im Stadtteiltreff')).toBe(true);
    expect(second!.value.text).toContain('wir freuen uns auf euch alle!');
    expect(graphemeCount(first!.value.text)).toBeLessThanOrEqual(300);

    const embed = first!.value.embed;
    expect(AppBskyEmbedImages.isMain(embed)).toBe(true);
    const images = (embed as AppBskyEmbedImages.Main).images;
    expect(images.map((i) => i.alt)).toEqual([altText]);
    expect(second!.value.embed).toBeUndefined();
  });

  it('takes the post down at the network after a confirmation, and the PDS holds none', async () => {
    const post = page.getByRole('article').filter({ hasText: 'Sommerfest im Stadtteiltreff' });
    await post.getByRole('button', { name: `Beim Netzwerk löschen: @${account.handle}` }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText(/Wer ihn schon gesehen/).isVisible()).toBe(true);
    await dialogShown(page);
    await checkPage(page, 'bluesky-04-takedown-confirm');
    await dialog.getByRole('button', { name: 'Beim Netzwerk löschen' }).click();

    await expect.poll(() => post.getByText('Gelöscht', { exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => post.getByText(/beim Netzwerk gelöscht/).isVisible()).toBe(true);
    expect(await post.getByRole('link', { name: 'Beitrag bei Bluesky ansehen' }).count()).toBe(0);
    await dialogGone(page);
    await checkPage(page, 'bluesky-05-taken-down');
    expect(await postsOnPds()).toEqual([]);
  });
});

const sunflowerSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300">
  <g fill="#f5c518">${Array.from({ length: 12 }, (_, i) => `<ellipse cx="150" cy="60" rx="28" ry="60" transform="rotate(${i * 30} 150 150)"/>`).join('')}</g>
  <circle cx="150" cy="150" r="55" fill="#5a3410"/>
</svg>`;
