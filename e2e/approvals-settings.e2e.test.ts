import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, dialogGone, dialogShown, setUpThroughThePage } from './browser.ts';
import { type Journey, startJourney } from './journey.ts';

// Set-up → Einstellungen → Freigaben, empty → a policy "Beiträge mit Minderjährigen" through the
// dialog (Redaktion → Leitung → Datenschutz, reordered by the arrows, a deadline, the rule
// "minors depicted"; saving without a rule is refused) → listed in words → "Zur Freigabe" is empty
// and says what lands there.

const owner = { name: 'Karin Albers', email: 'karin@example.org', password: 'eine-lange-passphrase' };

let baseUrl = '';
let page: Page;

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  ({ baseUrl, page } = journey);
});
afterAll(async () => {
  await journey?.close();
});

/** The API as the signed-in page calls it, to confirm what the page saved. */
async function get<T>(url: string): Promise<T> {
  return page.evaluate(async (u) => (await fetch(`/api${u}`)).json(), url) as Promise<T>;
}

const step = (n: number) => page.getByRole('dialog').getByRole('group', { name: `Schritt ${n}`, exact: true });

async function fillStep(n: number, name: string, role: string): Promise<void> {
  await step(n)
    .getByRole('textbox', { name: /Name des Schritts/ })
    .fill(name);
  await step(n).getByRole('checkbox', { name: role, exact: true }).check();
}

describe('approval settings', () => {
  it('sets up the organisation; Einstellungen → Freigaben explains four-eyes and has no policy yet', async () => {
    await setUpThroughThePage(page, baseUrl, owner, 'Jugendhilfe Nordstadt');
    // The navigation has a real link now, not "kommt bald".
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect.poll(() => nav.getByRole('link', { name: 'Freigaben' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await page
      .getByRole('navigation', { name: 'Bereiche der Einstellungen' })
      .getByRole('link', { name: 'Freigaben' })
      .click();
    await page.waitForURL('**/einstellungen/freigaben');
    await expect.poll(() => page.getByRole('heading', { name: 'Freigabewege' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/gibt ihn nie selbst frei/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Noch keine Freigabewege/).isVisible()).toBe(true);
    await checkPage(page, 'approvals-01-policies-empty');
  });

  it('creates "Beiträge mit Minderjährigen": three steps, reordered, a deadline, the minors rule', async () => {
    await page.getByRole('button', { name: 'Freigabeweg anlegen' }).click();
    await dialogShown(page);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Beiträge mit Minderjährigen');
    await fillStep(1, 'Redaktion', 'Redaktion');
    await dialog.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await fillStep(2, 'Datenschutz', 'Datenschutz');
    await step(2)
      .getByRole('textbox', { name: /Frist in Stunden/ })
      .fill('48');
    await dialog.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await fillStep(3, 'Leitung', 'Leitung');
    // Leitung belongs before Datenschutz.
    await dialog.getByRole('button', { name: 'Schritt 3 nach oben' }).click();
    await expect
      .poll(() =>
        step(2)
          .getByRole('textbox', { name: /Name des Schritts/ })
          .inputValue(),
      )
      .toBe('Leitung');
    expect(
      await step(3)
        .getByRole('textbox', { name: /Name des Schritts/ })
        .inputValue(),
    ).toBe('Datenschutz');

    // Without a condition the policy would never apply: the dialog says so instead of saving.
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => dialog.getByText(/mindestens eine Bedingung/).isVisible()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Wenn Minderjährige gezeigt oder genannt werden' }).check();
    await checkPage(page, 'approvals-02-policy-dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialogGone(page);

    const card = page.getByRole('listitem').filter({ hasText: 'Beiträge mit Minderjährigen' });
    await expect.poll(() => card.getByText('Redaktion → Leitung → Datenschutz').isVisible()).toBe(true);
    await expect.poll(() => card.getByText('wenn Minderjährige gezeigt werden').isVisible()).toBe(true);
    await expect.poll(() => card.getByText(/Frist 48 Stunden/).isVisible()).toBe(true);
    expect(await card.getByRole('switch', { name: 'Aktiv: Beiträge mit Minderjährigen' }).isChecked()).toBe(true);
    await checkPage(page, 'approvals-03-policy-listed');

    const session = await get<{ organisations: { id: string }[] }>('/auth/session');
    const listed = await get<unknown>(`/orgs/${session.organisations[0]!.id}/approval-policies`);
    const items = (Array.isArray(listed) ? listed : (listed as { items: unknown[] }).items) as {
      name: string;
      steps: { name: string; roles: string[]; mode: string; deadlineHours: number | null }[];
      rules: { minorsDepicted: boolean; always: boolean };
      active: boolean;
    }[];
    expect(items).toHaveLength(1);
    expect(items[0]!.steps.map((s) => [s.name, s.roles, s.deadlineHours])).toEqual([
      ['Redaktion', ['editor'], null],
      ['Leitung', ['approver'], null],
      ['Datenschutz', ['privacy_officer'], 48],
    ]);
    expect(items[0]!.rules.minorsDepicted).toBe(true);
    expect(items[0]!.rules.always).toBe(false);
    expect(items[0]!.active).toBe(true);
  });

  it('switches the policy off and on again', async () => {
    const card = page.getByRole('listitem').filter({ hasText: 'Beiträge mit Minderjährigen' });
    const toggle = card.getByRole('switch', { name: 'Aktiv: Beiträge mit Minderjährigen' });
    await toggle.click({ force: true });
    await expect.poll(() => card.getByText('ausgeschaltet').isVisible()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click({ force: true });
    await expect.poll(() => card.getByText('ausgeschaltet').count()).toBe(0);
    expect(await toggle.isChecked()).toBe(true);
  });

  it('"Zur Freigabe" is empty and says what lands there', async () => {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Freigaben' }).click();
    await page.waitForURL('**/freigaben');
    await expect.poll(() => page.getByRole('heading', { name: 'Zur Freigabe' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Nichts wartet auf Ihre Freigabe.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Ihre eigenen Beiträge landen nie hier/).isVisible()).toBe(true);
    await checkPage(page, 'approvals-04-queue-empty');
  });
});
