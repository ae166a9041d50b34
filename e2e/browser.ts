import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.ts';
import { apiCall } from './journey.ts';

export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

export async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Screenshot for people to look at, and axe for machines: 0 serious or critical violations. */
export async function checkPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  // From the top: a full-page screenshot of a scrolled page draws the fixed header and
  // navigation where the viewport was, across the middle of the picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Still colours: a toast or dialog half-way through fading in or out has contrast that no
  // reader sees for long, and axe would judge the blend. Wait for running transitions to end.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          // Spinners loop for ever; only transitions that end are waited for.
          .every(
            (a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY,
          ),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.html.slice(0, 300)).join(' | ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
}

/** The set-up page, as a new installation's first visitor fills it in; ends on the overview. */
export async function setUpThroughThePage(
  page: Page,
  baseUrl: string,
  owner: { name: string; email: string; password: string },
  organisation = 'Stadtteiltreff Südviertel',
): Promise<void> {
  await page.goto(baseUrl);
  await page.waitForURL('**/einrichtung');
  await page.getByLabel('Name der Organisation').fill(organisation);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(owner.name);
  await page.getByLabel('E-Mail-Adresse').fill(owner.email);
  await page.getByLabel('Passwort').fill(owner.password);
  await page.getByRole('button', { name: 'Organisation einrichten' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** Dialogs fade out; a screenshot taken meanwhile shows the fade, not the page. */
export async function dialogGone(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.waitForTimeout(300);
}

/** …and fade in: wait until the dialog is fully drawn. */
export async function dialogShown(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('dialog').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
}

/** Kanäle → Kanal hinzufügen → Bluesky with an app password on the given PDS; ends connected. */
export async function connectBlueskyThroughThePage(
  page: Page,
  account: { handle: string; appPassword: string },
  pdsUrl: string,
): Promise<void> {
  await page.getByRole('link', { name: 'Kanäle' }).click();
  await page.waitForURL('**/kanaele');
  await page.getByRole('button', { name: 'Kanal hinzufügen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Bluesky/ }).click();
  await dialog.getByRole('textbox', { name: 'Handle' }).fill(account.handle);
  await dialog.getByRole('textbox', { name: 'App-Passwort' }).fill(account.appPassword);
  await dialog.getByRole('button', { name: 'Erweitert' }).click();
  await dialog.getByRole('textbox', { name: 'PDS-Adresse' }).fill(pdsUrl);
  await dialog.getByRole('button', { name: 'Bluesky verbinden' }).click();
  const card = page.getByRole('article').filter({ hasText: `@${account.handle}` });
  await expect.poll(() => card.getByText('Verbunden', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
  await dialogGone(page);
}

/** Kanäle → Mastodon → the instance's authorize page (the contract fake says yes) → back, connected. */
export async function connectMastodonThroughThePage(page: Page, instanceUrl: string, account: string): Promise<void> {
  await page.getByRole('link', { name: 'Kanäle' }).click();
  await page.getByRole('button', { name: 'Kanal hinzufügen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Mastodon/ }).click();
  await dialog.getByRole('textbox', { name: 'Adresse der Instanz' }).fill(instanceUrl);
  await dialog.getByRole('button', { name: 'Weiter zur Instanz' }).click();
  await page.waitForURL('**/kanaele**');
  const card = page.getByRole('article').filter({ hasText: `@${account}` });
  await expect.poll(() => card.getByText('Verbunden', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/**
 * A colleague joins: invited through the API by the signed-in `page`, the invitation accepted in a
 * browser context of their own. Returns their page, signed in.
 */
export async function joinThroughInvitation(
  page: Page,
  baseUrl: string,
  orgId: string,
  member: { name: string; email: string; password: string; roles: readonly string[] },
): Promise<Page> {
  await apiCall(page, 'POST', `/orgs/${orgId}/invitations`, { email: member.email, roles: member.roles });
  const mails = await apiCall<{ to: string; text: string }[]>(page, 'GET', `/orgs/${orgId}/outbox`);
  const link = mails.find((m) => m.to.includes(member.email))?.text.match(/https?:\/\/\S+einladung\?token=\S+/)?.[0];
  expect(link, `invitation for ${member.email}`).toBeTruthy();
  const context = await page
    .context()
    .browser()!
    .newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const own = await context.newPage();
  await own.goto(link!);
  await own.getByRole('textbox', { name: 'Name', exact: true }).fill(member.name);
  await own.getByLabel('Passwort').fill(member.password);
  await own.getByRole('button', { name: 'Einladung annehmen' }).click();
  await own.waitForURL(`${baseUrl}/`);
  return own;
}
