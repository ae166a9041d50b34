import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, launch } from './browser.ts';

// Setup → sign in → invite a member → accept → change role → switch language, in Chromium,
// against the real server on a fresh data dir. Each step leaves a screenshot and passes axe.

const owner = { name: 'Anna Albers', email: 'anna.albers@example.org', password: 'lange-sichere-passphrase' };
const member = { name: 'Ben Brandt', email: 'ben.brandt@example.org', password: 'noch-eine-passphrase' };

let browser: Browser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('foundation journey', () => {
  it('a fresh install asks for set-up and creates the organisation and owner', async () => {
    await page.goto(baseUrl);
    await page.waitForURL('**/einrichtung');
    await checkPage(page, '01-setup');
    await page.getByLabel('Name der Organisation').fill('Jugendhilfe Nordstadt e. V.');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(owner.name);
    await page.getByLabel('E-Mail-Adresse').fill(owner.email);
    await page.getByLabel('Passwort').fill(owner.password);
    await page.getByRole('button', { name: 'Organisation einrichten' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect.poll(() => page.getByText('Jugendhilfe Nordstadt e. V.').first().isVisible()).toBe(true);
    await checkPage(page, '02-overview');
  });

  it('signs out and in again', async () => {
    await page.getByRole('button', { name: 'Benutzermenü' }).click();
    await page.getByRole('menuitem', { name: 'Abmelden' }).click();
    await page.waitForURL('**/anmelden**');
    await checkPage(page, '03-sign-in');
    await page.getByLabel('E-Mail-Adresse').fill(owner.email);
    await page.getByLabel('Passwort').fill('falsches-passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByText('E-Mail-Adresse oder Passwort ist falsch.').isVisible()).toBe(true);
    await page.getByLabel('Passwort').fill(owner.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${baseUrl}/`);
  });

  it('invites a member, who accepts through the link from the outbox', async () => {
    await page.goto(`${baseUrl}/einstellungen/mitglieder`);
    await page.getByLabel('E-Mail-Adresse').fill(member.email);
    await page.getByRole('checkbox', { name: /Redaktion/ }).check();
    await page.getByRole('button', { name: 'Einladen' }).click();
    await expect.poll(() => page.getByRole('cell', { name: member.email }).first().isVisible()).toBe(true);
    await checkPage(page, '04-members-invited');

    await page.goto(`${baseUrl}/einstellungen/postausgang`);
    await page.getByText('Einladung zu Jugendhilfe Nordstadt e. V. bei nahbar').click();
    const link = await page.getByRole('link', { name: /\/einladung\?token=/ }).getAttribute('href');
    expect(link).toMatch(/\/einladung\?token=/);
    await checkPage(page, '05-outbox');

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const invited = await context.newPage();
    await invited.goto(link!);
    await expect.poll(() => invited.getByText(member.email).first().isVisible()).toBe(true);
    await checkPage(invited, '06-accept-invitation-mobile');
    await invited.getByRole('textbox', { name: 'Name', exact: true }).fill(member.name);
    await invited.getByLabel('Passwort').fill(member.password);
    await invited.getByRole('button', { name: 'Einladung annehmen' }).click();
    await invited.waitForURL(`${baseUrl}/`);
    await checkPage(invited, '07-member-overview-mobile');
    await context.close();
  });

  it('changes the new member’s roles', async () => {
    await page.goto(`${baseUrl}/einstellungen/mitglieder`);
    await page.getByRole('button', { name: `Rollen bearbeiten: ${member.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: /Leitung\/Freigabe/ }).check();
    await checkPage(page, '08-edit-roles');
    await dialog.getByRole('button', { name: 'Rollen speichern' }).click();
    const row = page.getByRole('row', { name: new RegExp(member.name) });
    await expect.poll(() => row.getByText('Leitung/Freigabe').isVisible()).toBe(true);
    await expect.poll(() => row.getByText('Redaktion').isVisible()).toBe(true);

    await page.goto(`${baseUrl}/einstellungen/protokoll`);
    await expect
      .poll(() =>
        page
          .getByText(/Rollen geändert/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await checkPage(page, '09-audit-log');
  });

  it('switches to English, and the choice stays after a reload', async () => {
    await page.getByRole('button', { name: 'Sprache: Deutsch' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Language: English' }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Language: English' }).isVisible()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await checkPage(page, '10-audit-log-english');
  });
});
