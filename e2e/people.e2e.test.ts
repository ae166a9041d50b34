import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, dialogGone, dialogShown, setUpThroughThePage } from './browser.ts';
import { type Journey, startJourney } from './journey.ts';

// The people & consent register as a team uses it: a child with two guardians sharing custody →
// a consent signed by one of them (the dialog says the other is still needed) → the scanned form
// uploaded → a consent link for the second guardian → the consent withdrawn, with what it stopped.
// Every step leaves a screenshot and passes axe.

const owner = { name: 'Petra Sommer', email: 'petra.sommer@example.org', password: 'eine-lange-passphrase' };
const child = 'Kind L.';
const years8Ago = `${new Date().getFullYear() - 8}-03-15`;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let journey: Journey;
let page: Page;
let baseUrl: string;

// Its own server: the shared one belongs to the foundation journey, which needs a fresh install.
beforeAll(async () => {
  journey = await startJourney();
  ({ page, baseUrl } = journey);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await setUpThroughThePage(page, baseUrl, owner, 'Kinder- und Jugendhaus Lindenhof');
});
afterAll(async () => {
  await journey?.close();
});
// What the page showed when a step failed: the first thing to look at.
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await page.screenshot({
      path: `e2e/screenshots/people-failed-${context.task.name.slice(0, 30)}.png`,
      fullPage: true,
    });
});

describe('people and consent register', () => {
  it('starts empty and adds a child with two guardians sharing custody', async () => {
    await page.goto(`${baseUrl}/personen`);
    await expect
      .poll(() => page.getByText('Noch keine Personen erfasst.', { exact: false }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await checkPage(page, 'people-01-empty');

    await page.getByRole('button', { name: 'Person anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Person anlegen' });
    await dialogShown(page);
    await dialog.getByRole('textbox', { name: 'Anzeigename' }).fill(child);
    await expect.poll(() => dialog.getByText('Pseudonym oder Kürzel genügt').isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Geburtsdatum' }).fill(years8Ago);
    await dialog.getByRole('button', { name: 'Sorgeberechtigte:n hinzufügen' }).click();
    await dialog.getByRole('textbox', { name: 'Name Sorgeberechtigte:r 1' }).fill('Frau L.');
    await dialog.getByRole('textbox', { name: 'Kontakt Sorgeberechtigte:r 1' }).fill('0170 1234567');
    await dialog.getByRole('button', { name: 'Sorgeberechtigte:n hinzufügen' }).click();
    await dialog.getByRole('textbox', { name: 'Name Sorgeberechtigte:r 2' }).fill('Herr L.');
    await dialog.getByRole('checkbox', { name: 'Gemeinsames Sorgerecht' }).check();
    await checkPage(page, 'people-02-create-dialog');
    await dialog.getByRole('button', { name: 'Person anlegen' }).click();

    await page.waitForURL(/\/personen\/[^/]+$/);
    await dialogGone(page);
    await expect.poll(() => page.getByRole('heading', { name: child, level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Kind', { exact: true }).first().isVisible()).toBe(true);
    await checkPage(page, 'people-03-person');
  });

  it('records a consent given by one guardian, and says the other is still needed', async () => {
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
    await dialogShown(page);
    await expect
      .poll(() =>
        dialog
          .getByText(/Es müssen einwilligen: Sorgeberechtigte:r 1 \(Frau L\.\) und Sorgeberechtigte:r 2/)
          .isVisible(),
      )
      .toBe(true);
    await dialog.getByRole('checkbox', { name: 'Sorgeberechtigte:r 1 (Frau L.)' }).check();
    await expect.poll(() => dialog.getByText(/Noch fehlt: Sorgeberechtigte:r 2/).isVisible()).toBe(true);
    await checkPage(page, 'people-04-consent-dialog');
    await dialog.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await dialogGone(page);

    const table = page.getByRole('table', { name: `Einwilligungen von ${child}` });
    await expect.poll(() => table.getByRole('cell', { name: 'Social Media', exact: true }).isVisible()).toBe(true);
    await expect.poll(() => table.getByText('gültig', { exact: true }).isVisible()).toBe(true);
  });

  it('uploads the signed form as evidence', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Nachweis hochladen/ }).click();
    await (await chooser).setFiles({ name: 'einwilligung-kind-l.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect
      .poll(() => page.getByText('Der Nachweis wurde gespeichert.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    // The owner is no privacy officer: the file exists, but only the DPO may open it.
    await expect.poll(() => page.getByText('Nachweis liegt vor').isVisible()).toBe(true);
    await checkPage(page, 'people-05-evidence');
  });

  it('creates a consent link for the second guardian and shows it once', async () => {
    await page.getByRole('button', { name: 'Einwilligungslink erstellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einwilligungslink erstellen' });
    await dialogShown(page);
    await dialog.getByLabel('Wer soll einwilligen?').click();
    await page.getByRole('option', { name: 'Sorgeberechtigte:r 2 (Herr L.)' }).click();
    await checkPage(page, 'people-06-link-dialog');
    await dialog.getByRole('button', { name: 'Link erstellen' }).click();
    await dialogGone(page);
    await expect
      .poll(() => page.getByText('Dieser Link wird nur jetzt angezeigt.', { exact: false }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/\/einwilligung\//)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const links = page.getByRole('table', { name: 'Einwilligungslinks' });
    await expect.poll(() => links.getByText(/offen bis/).isVisible()).toBe(true);
    await checkPage(page, 'people-07-link-created');
  });

  it('withdraws the consent and reports what it stopped', async () => {
    await page.getByRole('button', { name: 'Einwilligung für Social Media widerrufen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einwilligung widerrufen' });
    await dialogShown(page);
    await expect
      .poll(() =>
        dialog
          .getByText('Geplante Beiträge werden angehalten, veröffentlichte Beiträge werden gelöscht', { exact: false })
          .isVisible(),
      )
      .toBe(true);
    await dialog.getByRole('textbox', { name: 'Notiz (optional)' }).fill('Anruf der Mutter am Vormittag.');
    await checkPage(page, 'people-08-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Widerruf erfassen' }).click();
    const result = page.getByRole('dialog', { name: 'Widerruf erfasst' });
    await expect.poll(() => result.getByText('Angehaltene geplante Veröffentlichungen: 0').isVisible()).toBe(true);
    await checkPage(page, 'people-09-withdraw-result');
    await result.getByRole('button', { name: 'Fertig' }).click();
    await dialogGone(page);
    const table = page.getByRole('table', { name: `Einwilligungen von ${child}` });
    await expect.poll(() => table.getByText('widerrufen', { exact: true }).isVisible()).toBe(true);
  });

  it('lists the person with the consent summary and finds them by search', async () => {
    await page.getByRole('link', { name: 'Zurück zu allen Personen' }).click();
    await page.waitForURL('**/personen');
    await page.getByRole('textbox', { name: 'Suchen' }).fill('Frau L');
    const row = page.getByRole('row').filter({ hasText: child });
    await expect.poll(() => row.getByText('widerrufen 1').isVisible()).toBe(true);
    await expect.poll(() => row.getByText('Kind', { exact: true }).isVisible()).toBe(true);
    await checkPage(page, 'people-10-list');
  });
});
