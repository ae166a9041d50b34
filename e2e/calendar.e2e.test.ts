import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppBskyEmbedImages } from '@atproto/api';
import { graphemeCount } from '@nahbar/common/rules/post-text';
import { isoToZonedWallTime, zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlueskyNetwork, TestAccount } from '../server/src/test/bluesky-network.ts';
import { type BlueskyJourney, startBlueskyJourney } from './bluesky-journey.ts';
import { checkPage, connectBlueskyThroughThePage, dialogGone, dialogShown, setUpThroughThePage } from './browser.ts';

// Write a post with an image and its alt text → give Bluesky its own shorter version →
// schedule it for tomorrow 10:00 → find it in the month view → drag it to the day after →
// it publishes to the local Bluesky network at the new time, not at the old one.
// Living through two days takes the server's test clock (NAHBAR_TEST_CLOCK_FILE): the journey
// moves the app's time ahead; the browser and the PDS keep real time.

const ZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;
const owner = { name: 'Miriam Okafor', email: 'miriam@example.org', password: 'eine-lange-passphrase' };
const baseText =
  'Offener Elternabend in der Kita Regenbogen: Am Donnerstag um 19 Uhr stellen wir das neue ' +
  'Eingewöhnungskonzept vor. Dolmetscherinnen für Arabisch und Ukrainisch sind da, Kinderbetreuung auch. ' +
  'Bitte melden Sie sich bis Dienstag im Büro an, persönlich oder unter 0421 987654 – wir freuen uns auf ' +
  'Sie und Ihre Fragen! #KitaRegenbogen';
const blueskyText = 'Offener Elternabend Kita Regenbogen, Do 19 Uhr: unser neues Eingewöhnungskonzept. #KitaRegenbogen';
const altText = 'Einladungskarte: ein Regenbogen über einem gemalten Haus, darunter „Elternabend“.';

let j: BlueskyJourney;
let baseUrl = '';
let page: Page;
let network: BlueskyNetwork;
let account: TestAccount;
const clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-clock-'));
const clockFile = path.join(clockDir, 'offset-ms');

/** The local day `days` after today and its full German name, as the calendar cell says it. */
function localDay(days: number) {
  const { date } = isoToZonedWallTime(Date.now() + days * DAY_MS, ZONE);
  const at10 = zonedWallTimeToIso({ date, time: '10:00' }, ZONE);
  const label = new Intl.DateTimeFormat('de-DE', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }).format(new Date(at10));
  return { date, at10: new Date(at10), label };
}
const tomorrow = localDay(1);
const dayAfter = localDay(2);

/** Moves the server's clock so that it reads `at` now. */
function setServerTime(at: Date) {
  fs.writeFileSync(clockFile, String(at.getTime() - Date.now()));
}

beforeAll(async () => {
  fs.writeFileSync(clockFile, '0');
  j = await startBlueskyJourney('kitaregenbogen', {
    NAHBAR_TEST_CLOCK_FILE: clockFile,
    // The sweep finds due posts whose job waits for real time; every 3 s keeps the test short.
    NAHBAR_SWEEP_SECONDS: '3',
  });
  ({ baseUrl, page, network, account } = j);
});
afterAll(async () => {
  await j?.close();
  fs.rmSync(clockDir, { recursive: true, force: true });
});

const postsOnPds = async () => (await j.postsOnPds()).map((r) => r.value);
const dayCell = (label: string) => page.getByRole('cell', { name: new RegExp(label) });
const entryIn = (label: string) => dayCell(label).locator('[draggable]').filter({ hasText: 'Offener Elternabend' });

/**
 * A drag as a hand does it: press, a small move (Chromium only starts an HTML5 drag after the
 * pointer has moved), then on to the target in steps. A single-jump dragTo sometimes never starts one.
 */
async function dragAndDrop(source: Locator, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 8 });
  await page.mouse.up();
}

describe('calendar journey', () => {
  it('sets up the organisation and connects Bluesky', async () => {
    await setUpThroughThePage(page, baseUrl, owner, 'Kita Regenbogen');
    await connectBlueskyThroughThePage(page, account, network.pdsUrl);
  });

  it('writes a post with an image and alt text, adapts the Bluesky version and schedules it for tomorrow', async () => {
    await page.getByRole('link', { name: 'Beiträge' }).click();
    await page.waitForURL('**/beitraege');
    await page.getByRole('textbox', { name: 'Text' }).fill(baseText);
    await page.getByRole('checkbox', { name: account.handle }).check();

    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#f4efe6' } })
      .composite([{ input: Buffer.from(rainbowSvg), top: 100, left: 150 }])
      .png()
      .toBuffer();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'elternabend.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('textbox', { name: 'Bildbeschreibung (Alternativtext)' }).fill(altText);

    // The base text is too long for one Bluesky post; Bluesky gets its own short version.
    await expect.poll(() => page.getByText('wird als Thread mit 2 Teilen veröffentlicht').isVisible()).toBe(true);
    await page.getByRole('tab', { name: new RegExp(account.handle) }).click();
    await page.getByRole('button', { name: 'Eigene Fassung für diesen Kanal' }).click();
    const variant = page.getByRole('textbox', { name: /^Fassung für / });
    await variant.fill(blueskyText);
    await expect.poll(() => page.getByText(`: ${graphemeCount(blueskyText)} von 300 Zeichen`).isVisible()).toBe(true);
    expect(await page.getByText(/wird als Thread mit/).count()).toBe(0);

    await page.getByRole('radio', { name: 'Zu einem Zeitpunkt' }).check();
    await page.getByLabel('Datum').fill(tomorrow.date);
    await page.getByLabel('Uhrzeit').fill('10:00');
    await checkPage(page, 'calendar-01-composer');
    await page.getByRole('button', { name: 'Planen', exact: true }).click();
    await expect.poll(() => page.getByText(/Der Beitrag ist geplant für/).isVisible()).toBe(true);
  });

  it('shows the post tomorrow in the month view, with its time, channel and picture', async () => {
    await page.getByRole('link', { name: 'Kalender' }).click();
    await page.waitForURL('**/kalender**');
    await expect.poll(() => entryIn(tomorrow.label).count(), { timeout: 15_000 }).toBe(1);
    const entry = entryIn(tomorrow.label);
    expect(await entry.textContent()).toContain('10:00');
    expect(await entry.locator('img').count()).toBe(1);
    await checkPage(page, 'calendar-02-month');
  });

  it('drags the post to the next day; it keeps its time', async () => {
    await dragAndDrop(entryIn(tomorrow.label), dayCell(dayAfter.label));
    await expect.poll(() => entryIn(dayAfter.label).count(), { timeout: 15_000 }).toBe(1);
    expect(await entryIn(tomorrow.label).count()).toBe(0);
    // What the server now holds, not just what the page shows.
    await page.reload();
    await expect.poll(() => entryIn(dayAfter.label).count(), { timeout: 15_000 }).toBe(1);
    expect(await entryIn(dayAfter.label).textContent()).toContain('10:00');
    await checkPage(page, 'calendar-03-moved');
  });

  it('does not publish at the old time', async () => {
    setServerTime(new Date(tomorrow.at10.getTime() + 60_000));
    // Several sweeps pass; nothing may leave.
    await new Promise((r) => setTimeout(r, 8_000));
    expect(await postsOnPds()).toEqual([]);
  });

  it('publishes the Bluesky version with the image and its alt text at the new time', async () => {
    setServerTime(new Date(dayAfter.at10.getTime() + 35_000));
    await expect.poll(() => postsOnPds().then((p) => p.length), { timeout: 30_000, interval: 1_000 }).toBe(1);
    const [record] = await postsOnPds();
    expect(record!.text).toBe(blueskyText);
    expect(AppBskyEmbedImages.isMain(record!.embed)).toBe(true);
    expect((record!.embed as AppBskyEmbedImages.Main).images.map((i) => i.alt)).toEqual([altText]);
    await page.reload();
    const entry = entryIn(dayAfter.label);
    await expect.poll(() => entry.getByText('Veröffentlicht').first().isVisible(), { timeout: 15_000 }).toBe(true);
    // A published entry sits at its publishing time (the server's clock: the day after, 10:00)
    // and stays there.
    expect(await entry.getAttribute('draggable')).toBe('false');
    await checkPage(page, 'calendar-04-published');
  });

  it('shows the week and the list, with the same post', async () => {
    await page.getByText('Woche', { exact: true }).click();
    await page.waitForURL('**ansicht=woche**');
    // The week of the day after tomorrow, by its address: clicking "Weiter" while the week was
    // still being drawn skipped past it on a Sunday.
    await page.goto(`${baseUrl}/kalender?ansicht=woche&datum=${dayAfter.date}`);
    await expect.poll(() => entryIn(dayAfter.label).count()).toBe(1);
    await checkPage(page, 'calendar-05-week');
    await page.getByText('Liste', { exact: true }).click();
    await page.waitForURL('**ansicht=liste**');
    await expect
      .poll(() =>
        page
          .getByText(/Offener Elternabend/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await checkPage(page, 'calendar-06-list');
  });

  it('gives a private ICS address that a calendar app can read, with the post in it', async () => {
    await page.getByRole('button', { name: 'Kalender abonnieren' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Bezeichnung/ }).fill('Outlook im Büro');
    await dialog.getByRole('button', { name: 'Link erstellen' }).click();
    const address = dialog.getByRole('textbox', { name: 'Ihr privater Link' });
    await expect.poll(() => address.isVisible()).toBe(true);
    const url = await address.inputValue();
    expect(url).toMatch(/\/ics\/[\w-]+\.ics$/);
    await dialogShown(page);
    await checkPage(page, 'calendar-07-subscribe');
    // Without any session: the address alone opens the plan.
    const ics = await (await fetch(url.replace(/^.*\/ics\//, `${baseUrl}/ics/`))).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toMatch(/SUMMARY:.*Offener Elternabend/);
    await page.keyboard.press('Escape');
    await dialogGone(page);
  });

  it('sets up a Rubrik that puts draft slots into the calendar', async () => {
    await page.goto(`${baseUrl}/einstellungen/planung`);
    await page.getByRole('button', { name: 'Neue Rubrik' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Mitarbeitende stellen sich vor');
    await dialog.getByLabel('Kanäle').click();
    await page.getByRole('option', { name: `@${account.handle}` }).click();
    await dialog.getByLabel('Wochentag').click();
    await page.getByRole('option', { name: 'Dienstag' }).click();
    await dialog.getByLabel('Uhrzeit').fill('10:00');
    await dialog.getByRole('textbox', { name: 'Alle wie viele Wochen?' }).fill('2');
    await dialog.getByLabel('Beginnt am').fill(tomorrow.date);
    await dialog.getByRole('textbox', { name: 'Starttext' }).fill('Heute stellen wir vor: ');
    await dialog.getByRole('button', { name: 'Rubrik anlegen' }).click();
    await expect
      .poll(() => page.getByText('Die Rubrik „Mitarbeitende stellen sich vor“ ist angelegt.').isVisible())
      .toBe(true);
    await dialogGone(page);
    await expect.poll(() => page.getByText(/jeden 2\. Dienstag, 10:00/).isVisible()).toBe(true);
    await checkPage(page, 'calendar-08-planning');
  });

  it('keeps the image in the media library, where a region can be made unrecognisable', async () => {
    await page.getByRole('link', { name: 'Medien' }).click();
    await page.waitForURL('**/medien');
    await expect.poll(() => page.getByText('elternabend.png').first().isVisible()).toBe(true);
    await checkPage(page, 'calendar-09-media');
    await page.getByRole('button', { name: 'Bereich unkenntlich machen in elternabend.png' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Bereich hinzufügen' }).click();
    await dialogShown(page);
    await checkPage(page, 'calendar-10-blur');
    await dialog.getByRole('button', { name: 'Kopie speichern' }).click();
    await expect
      .poll(() => page.getByText(/Die unkenntlich gemachte Kopie liegt jetzt in der Mediathek/).isVisible())
      .toBe(true);
  });
});

const rainbowSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">
  ${['#e53935', '#fb8c00', '#fdd835', '#43a047', '#1e88e5', '#8e24aa']
    .map(
      (c, i) =>
        `<path d="M60 320 A240 240 0 0 1 540 320" stroke="${c}" stroke-width="22" fill="none" transform="translate(0 ${i * 22})"/>`,
    )
    .join('')}
  <rect x="240" y="250" width="120" height="110" fill="#8d6e63"/>
</svg>`;
