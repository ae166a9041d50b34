import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, setUpThroughThePage } from './browser.ts';
import { apiCall, type Journey, startJourney } from './journey.ts';

// Issue #5's journey: a child is tagged in a photo without consent → the composer says why the
// post cannot be scheduled, and scheduling is refused → the guardians' consent is recorded →
// the same post schedules.

const owner = { name: 'Ruth Albers', email: 'ruth.albers@example.org', password: 'eine-lange-passphrase' };
const child = 'Mila K.';
const postText = 'Mila hat heute im Hort den Kuchen für das Herbstfest gebacken. Danke an alle Helferinnen!';

let page: Page;
let baseUrl = '';
let orgId = '';
let personId = '';
let postId = '';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  ({ baseUrl, page } = journey);
});
afterAll(async () => {
  await journey?.close();
});

const call = <T>(method: string, url: string, body?: unknown) => apiCall<T>(page, method, url, body);

const panel = () => page.getByRole('region', { name: 'Personen & Datenschutz' });
const channelVerdict = () => panel().getByTestId('consent-channel');

async function scheduleTomorrow() {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('radio', { name: 'Zu einem Zeitpunkt' }).check();
  await page.getByLabel('Datum').fill(tomorrow);
  await page.getByLabel('Uhrzeit').fill('10:00');
  await page.getByRole('button', { name: 'Planen', exact: true }).click();
}

describe('consent gate journey', () => {
  it('sets up the organisation, its website channel and a child with two guardians', async () => {
    await setUpThroughThePage(page, baseUrl, owner, 'Hort Sonnenblume');
    const session = await call<{ organisations: { id: string }[] }>('GET', '/auth/session');
    orgId = session.organisations[0]!.id;
    const nineYearsAgo = `${new Date().getFullYear() - 9}-03-14`;
    const person = await call<{ id: string }>('POST', `/orgs/${orgId}/people`, {
      displayName: child,
      kind: 'client',
      birthDate: nineYearsAgo,
      guardians: [
        { name: 'Frau K.', contact: null },
        { name: 'Herr K.', contact: null },
      ],
      jointCustody: true,
    });
    personId = person.id;
    await call('POST', `/orgs/${orgId}/channels`, {
      network: 'feed',
      title: 'Website Hort Sonnenblume',
      siteUrl: 'https://hort-sonnenblume.example.org',
    });
  });

  it('uploads a photo and tags the child in it', async () => {
    await page.getByRole('link', { name: 'Medien' }).click();
    await page.waitForURL('**/medien');
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#e9d8a6' } })
      .jpeg()
      .toBuffer();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'kuchen.jpg', mimeType: 'image/jpeg', buffer: photo });
    const card = page.getByRole('list', { name: 'Mediathek' }).getByRole('listitem').filter({ hasText: 'kuchen' });
    await expect.poll(() => card.getByText('Personen: nicht geprüft').isVisible(), { timeout: 20_000 }).toBe(true);

    await card.getByRole('button', { name: /Personen markieren in kuchen/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Personen sind erkennbar' }).check();
    await dialog.getByRole('combobox', { name: 'Person aus dem Register hinzufügen' }).fill('Mila');
    await page.getByRole('option', { name: child }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Markierte Personen' }).textContent()).toContain(child);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => card.getByText('1 Person', { exact: true }).isVisible()).toBe(true);
    await checkPage(page, 'consent-gate-01-tagged');
  });

  it('shows in the composer why the post cannot go out, and scheduling is refused', async () => {
    const media = await call<{ items: { id: string; originalName: string }[] }>('GET', `/orgs/${orgId}/media`);
    const channels = await call<{ id: string }[] | { items: { id: string }[] }>('GET', `/orgs/${orgId}/channels`);
    const channelId = (Array.isArray(channels) ? channels : channels.items)[0]!.id;
    const post = await call<{ id: string }>('POST', `/orgs/${orgId}/posts`, {
      text: postText,
      media: [{ mediaId: media.items[0]!.id, alt: 'Ein Kind hält einen Blechkuchen in die Kamera.' }],
      targets: [{ channelId }],
      when: { mode: 'draft' },
    });
    postId = post.id;
    await page.goto(`${baseUrl}/beitraege/${postId}`);

    await expect
      .poll(() => channelVerdict().getByText('blockiert', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const reason = channelVerdict()
      .getByText(/Mila K\./)
      .first();
    expect(await reason.textContent()).toBe('Für Mila K. (Kind) liegt keine Einwilligung vor.');
    expect(await panel().getByText('zeigt Minderjährige').isVisible()).toBe(true);
    // The attached image says whom it shows, and can be re-tagged from here.
    await expect.poll(() => page.getByText('1 Person', { exact: true }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('button', { name: 'Personen markieren in kuchen.jpg' }).isVisible())
      .toBe(true);

    await scheduleTomorrow();
    await expect
      .poll(() => page.getByText(/Ohne gültige Einwilligung aller gezeigten oder genannten Personen/).isVisible())
      .toBe(true);
    await checkPage(page, 'consent-gate-02-blocked');
    const targets = await call<{ targets: { state: string }[] }>('GET', `/orgs/${orgId}/posts/${postId}`);
    expect(targets.targets.map((t) => t.state)).toEqual(['draft']);
  });

  it('records the consent of both guardians for the website on the child’s page', async () => {
    await panel()
      .getByRole('link', { name: `Personenseite von ${child} öffnen` })
      .click();
    await page.waitForURL(`**/personen/${personId}`);
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
    await dialog.getByLabel('Zweck').click();
    await page.getByRole('option', { name: 'Eigene Website' }).click();
    await dialog.getByRole('checkbox', { name: 'Sorgeberechtigte:r 1 (Frau K.)' }).check();
    await dialog.getByRole('checkbox', { name: 'Sorgeberechtigte:r 2 (Herr K.)' }).check();
    await checkPage(page, 'consent-gate-03-consent');
    await dialog.getByRole('button', { name: 'Einwilligung speichern' }).click();
    const table = page.getByRole('table', { name: `Einwilligungen von ${child}` });
    await expect.poll(() => table.getByRole('cell', { name: 'Eigene Website', exact: true }).isVisible()).toBe(true);
  });

  it('lets the same post be scheduled now', async () => {
    await page.goto(`${baseUrl}/beitraege/${postId}`);
    await expect
      .poll(() => channelVerdict().getByText('erlaubt', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await scheduleTomorrow();
    await expect.poll(() => page.getByText(/Der Beitrag ist geplant für/).isVisible()).toBe(true);
    await checkPage(page, 'consent-gate-04-scheduled');
    const saved = await call<{ targets: { state: string }[] }>('GET', `/orgs/${orgId}/posts/${postId}`);
    expect(saved.targets.map((t) => t.state)).toEqual(['scheduled']);
  });
});
