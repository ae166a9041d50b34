import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, dialogGone, dialogShown, setUpThroughThePage } from './browser.ts';
import { apiCall, type Journey, startJourney } from './journey.ts';

// Set-up → the owner also takes the Datenschutz role → two people in the register → upload a
// portrait and a street-party picture → tag Mia in the portrait through the dialog (search,
// frame, face proposals) → mark the party § 23 KUG with a reason → a planned post with Mia's
// picture shows up blocked on /datenschutz with the reason in words → Einstellungen → Datenschutz.

const owner = { name: 'Petra Lindner', email: 'petra@example.org', password: 'eine-lange-passphrase' };
const portrait = fs.readFileSync(
  path.resolve(import.meta.dirname, '../server/src/modules/faces/fixtures/astronaut.jpg'),
);

let baseUrl = '';
let page: Page;
let orgId = '';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  ({ baseUrl, page } = journey);
});
afterAll(async () => {
  await journey?.close();
});

const call = <T>(method: string, url: string, body?: unknown) => apiCall<T>(page, method, url, body);

const card = (name: string) =>
  page.getByRole('list', { name: 'Mediathek' }).getByRole('listitem').filter({ hasText: name });
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const people: Record<string, string> = {};
const media: Record<string, string> = {};

describe('privacy journey', () => {
  it('sets up the organisation; the owner also takes the Datenschutz role', async () => {
    await setUpThroughThePage(page, baseUrl, owner, 'Familienzentrum Lindenhof');
    await page.goto(`${baseUrl}/einstellungen/mitglieder`);
    await page.getByRole('button', { name: `Rollen bearbeiten: ${owner.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialogShown(page);
    await dialog.getByRole('checkbox', { name: /^Datenschutz/ }).check();
    await dialog.getByRole('button', { name: 'Rollen speichern' }).click();
    await dialogGone(page);
    const row = page.getByRole('row', { name: new RegExp(owner.name) });
    await expect.poll(() => row.getByText('Datenschutz', { exact: true }).isVisible()).toBe(true);
    await page.reload();
    const session = await call<{ organisations: { id: string }[] }>('GET', '/auth/session');
    orgId = session.organisations[0]!.id;
    await expect.poll(() => page.getByRole('link', { name: 'Datenschutz' }).first().isVisible()).toBe(true);
  });

  it('records two people in the register', async () => {
    const mia = await call<{ id: string }>('POST', `/orgs/${orgId}/people`, {
      displayName: 'Mia K.',
      kind: 'client',
      birthDate: '2017-04-02',
      guardians: [{ name: 'Sandra K.', contact: null }],
    });
    const jonas = await call<{ id: string }>('POST', `/orgs/${orgId}/people`, {
      displayName: 'Jonas Brandt',
      kind: 'volunteer',
      ageBand: 'adult',
    });
    people.mia = mia.id;
    people.jonas = jonas.id;
  });

  it('uploads two pictures; each card says nobody has checked it for people yet', async () => {
    const party = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#d8e8e0' } })
      .composite([{ input: Buffer.from(crowdSvg), top: 0, left: 0 }])
      .png()
      .toBuffer();
    await page.getByRole('link', { name: 'Medien' }).click();
    await page.waitForURL('**/medien');
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'portraet-mia.jpg', mimeType: 'image/jpeg', buffer: portrait },
      { name: 'stadtteilfest.png', mimeType: 'image/png', buffer: party },
    ]);
    for (const name of ['portraet-mia', 'stadtteilfest']) {
      await expect
        .poll(() => card(name).getByText('Personen: nicht geprüft').isVisible(), { timeout: 20_000 })
        .toBe(true);
    }
    await checkPage(page, 'privacy-01-media-unreviewed');
  });

  it('tags Mia in the portrait: register search, a frame, face proposals with the plain warning', async () => {
    await card('portraet-mia')
      .getByRole('button', { name: /Personen markieren in portraet-mia/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialogShown(page);
    // Saving without a choice is refused: an unreviewed image is never "nobody there".
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => dialog.getByText('Bitte wählen Sie, ob Personen zu sehen sind.').isVisible()).toBe(true);

    await dialog.getByRole('radio', { name: 'Personen sind erkennbar' }).check();
    await dialog.getByRole('combobox', { name: 'Person aus dem Register hinzufügen' }).fill('Mia');
    await page.getByRole('option', { name: 'Mia K.' }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Markierte Personen' }).textContent()).toContain('Mia K.');

    await dialog.getByRole('button', { name: 'Rahmen zeichnen: Mia K.' }).click();
    const image = dialog.getByRole('img', { name: /portraet-mia/ });
    const box = (await image.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => dialog.getByText('Rahmen gesetzt').isVisible()).toBe(true);

    expect(
      await dialog
        .getByText(
          'Die Erkennung ist nur ein Vorschlag. Wird kein Gesicht gefunden, heißt das nicht, dass niemand zu sehen ist.',
        )
        .isVisible(),
    ).toBe(true);
    await dialog.getByRole('button', { name: 'Gesichter vorschlagen' }).click();
    // The detector may be missing on a server; then the dialog says so instead of failing.
    await expect
      .poll(
        () =>
          dialog
            .getByText(/Gesicht(er)? vorgeschlagen:|Kein Gesicht gefunden|nicht verfügbar/)
            .first()
            .isVisible(),
        { timeout: 60_000 },
      )
      .toBe(true);
    await checkPage(page, 'privacy-02-tagging-dialog');

    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialogGone(page);
    await expect.poll(() => card('portraet-mia').getByText('1 Person', { exact: true }).isVisible()).toBe(true);
    const saved = await call<{ status: string; people: { personId: string; box: unknown }[] }>(
      'GET',
      `/orgs/${orgId}/media/${await mediaId('portraet-mia')}/people`,
    );
    expect(saved.status).toBe('tagged');
    expect(saved.people).toHaveLength(1);
    expect(saved.people[0]!.personId).toBe(people.mia);
    expect(saved.people[0]!.box).not.toBeNull();
  });

  it('marks the street party § 23 KUG, which needs a reason', async () => {
    await card('stadtteilfest')
      .getByRole('button', { name: /Personen markieren in stadtteilfest/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialogShown(page);
    await dialog.getByRole('radio', { name: /Ausnahme § 23 KUG/ }).check();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => dialog.getByText(/Bitte begründen Sie die Ausnahme/).isVisible()).toBe(true);
    await dialog
      .getByRole('textbox', { name: /Begründung für die Ausnahme/ })
      .fill('Besucherinnen und Besucher beim Stadtteilfest, niemand steht im Mittelpunkt.');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialogGone(page);
    await expect.poll(() => card('stadtteilfest').getByText('§ 23 KUG').isVisible()).toBe(true);
    await checkPage(page, 'privacy-03-media-reviewed');
  });

  it('a face proposal goes to the blur editor as its first area', async () => {
    await card('portraet-mia')
      .getByRole('button', { name: /Personen markieren in portraet-mia/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialogShown(page);
    // Reopened, the dialog shows what was saved.
    expect(await dialog.getByRole('radio', { name: 'Personen sind erkennbar' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Gesichter vorschlagen' }).click();
    const blurOne = dialog.getByRole('button', { name: 'Unkenntlich machen: Vorschlag 1' });
    await expect
      .poll(
        async () => (await blurOne.isVisible()) || (await dialog.getByText(/Kein Gesicht|nicht verfügbar/).isVisible()),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    if (await blurOne.isVisible()) {
      await blurOne.click();
      const editor = page.getByRole('dialog', { name: /Bereich unkenntlich machen/ });
      await expect.poll(() => editor.getByRole('group', { name: 'Bereich 1' }).isVisible()).toBe(true);
      await editor.getByRole('button', { name: 'Abbrechen' }).click();
    } else {
      await page.keyboard.press('Escape');
    }
    await dialogGone(page);
  });

  it('the dashboard explains a blocked planned post, expiring and withdrawn consents', async () => {
    // Mia's consent is for print only and ends in ten days; Jonas withdrew his.
    await call('POST', `/orgs/${orgId}/people/${people.mia}/consents`, {
      purpose: 'print',
      validFrom: day(-30),
      validUntil: day(10),
      form: 'written',
      givenBy: ['guardian_1'],
    });
    const jonas = await call<{ id: string }>('POST', `/orgs/${orgId}/people/${people.jonas}/consents`, {
      purpose: 'social_media',
      validFrom: day(-60),
      form: 'written',
      givenBy: ['person'],
    });
    await call('POST', `/orgs/${orgId}/consents/${jonas.id}/withdraw`, { on: day(0), by: 'person', how: 'email' });
    const feed = await call<{ id: string }>('POST', `/orgs/${orgId}/channels`, {
      network: 'feed',
      title: 'Website Familienzentrum',
      siteUrl: 'https://familienzentrum.example.org',
    });
    await call('POST', `/orgs/${orgId}/posts`, {
      text: 'Unser Malkurs für Kinder startet wieder – jeden Dienstag ab 15 Uhr im Lindenhof.',
      media: [{ mediaId: await mediaId('portraet-mia'), alt: 'Ein Kind lächelt in die Kamera.' }],
      targets: [{ channelId: feed.id }],
      when: { mode: 'draft' },
      plannedAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });

    await page.getByRole('link', { name: 'Datenschutz' }).first().click();
    await page.waitForURL('**/datenschutz');
    const blocked = page.getByRole('region', { name: 'Blockierte Beiträge' });
    await expect
      .poll(() => blocked.getByRole('link', { name: /Unser Malkurs/ }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await blocked.textContent()).toContain('Die Einwilligung von Mia K. gilt nicht für diesen Kanal.');
    const expiring = page.getByRole('region', { name: /Einwilligungen laufen ab/ });
    await expect.poll(() => expiring.getByRole('link', { name: 'Mia K.' }).isVisible()).toBe(true);
    const withdrawn = page.getByRole('region', { name: /Widerrufen/ });
    expect(await withdrawn.textContent()).toContain('Jonas Brandt');
    await expect.poll(() => page.getByRole('region', { name: 'Löschbericht' }).isVisible()).toBe(true);
    await checkPage(page, 'privacy-04-dashboard');
  });

  it('privacy settings: age rules explained, blocking kinds and own words are saved', async () => {
    await page.goto(`${baseUrl}/einstellungen/datenschutz`);
    await expect
      .poll(() => page.getByText(/Unter 14 Jahren willigen allein die Sorgeberechtigten ein/).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    await page.getByRole('checkbox', { name: /Telefonnummern/ }).check();
    await page.getByRole('checkbox', { name: /Sensible Angaben/ }).check();
    const words = page.getByRole('combobox', { name: 'Eigene sensible Wörter' });
    await words.fill('Schuldnerberatung');
    await words.press('Enter');
    await page.getByRole('textbox', { name: /Die Person willigt allein ein ab/ }).fill('16');
    await expect.poll(() => page.getByText(/von 14 bis 15 die junge Person/).isVisible()).toBe(true);
    await checkPage(page, 'privacy-05-settings');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('Die Datenschutz-Einstellungen sind gespeichert.').isVisible()).toBe(true);
    const saved = await call<{ adultFrom: number; piiBlocking: string[]; sensitiveWords: string[] }>(
      'GET',
      `/orgs/${orgId}/privacy-settings`,
    );
    expect(saved.adultFrom).toBe(16);
    expect(saved.piiBlocking.sort()).toEqual(['phone', 'sensitive']);
    expect(saved.sensitiveWords).toEqual(['Schuldnerberatung']);
  });
});

async function mediaId(name: string): Promise<string> {
  if (media[name]) return media[name];
  const list = await call<{ items: { id: string; originalName: string | null }[] }>('GET', `/orgs/${orgId}/media`);
  for (const item of list.items) if (item.originalName) media[item.originalName.replace(/\.\w+$/, '')] = item.id;
  return media[name]!;
}

// People at a street party, small and far away: § 23 KUG, nobody in the focus.
const crowdSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600">
  <rect y="380" width="900" height="220" fill="#b9c9a3"/>
  <polygon points="80,380 200,200 320,380" fill="#e07a5f"/><polygon points="560,380 680,220 800,380" fill="#3d5a80"/>
  ${Array.from({ length: 28 }, (_, i) => {
    const x = 40 + ((i * 97) % 820);
    const y = 420 + ((i * 53) % 140);
    return `<circle cx="${x}" cy="${y}" r="9" fill="#6b4f3a"/><rect x="${x - 8}" y="${y + 9}" width="16" height="30" rx="6" fill="#81b29a"/>`;
  }).join('')}
</svg>`;
