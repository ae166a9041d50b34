import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, setUpThroughThePage } from './browser.ts';
import { apiCall, type Journey, startJourney } from './journey.ts';

// The composer's „Personen & Datenschutz“ panel: a draft with a phone number, a sensitive word and
// a child's name from the register → the PII warnings with the passages marked → the child marked
// as named → the consent gate says the website may not show her, and why.

const owner = { name: 'Jana Brehm', email: 'jana.brehm@example.org', password: 'eine-lange-passphrase' };
const postText =
  'Lena M. hat beim Sommerfest den Malwettbewerb gewonnen! Trotz ADHS hat sie zwei Stunden gemalt. ' +
  'Fragen zum nächsten Kurs gern an Frau Brehm unter 0171 1234567.';

let page: Page;
let baseUrl = '';
let orgId = '';
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

describe('composer: people & privacy panel', () => {
  it('warns about the phone number, the diagnosis and the name, with the passages marked', async () => {
    await setUpThroughThePage(page, baseUrl, owner, 'Familienzentrum Am Deich');
    const session = await call<{ organisations: { id: string }[] }>('GET', '/auth/session');
    orgId = session.organisations[0]!.id;
    const eightYearsAgo = `${new Date().getFullYear() - 8}-05-01`;
    await call('POST', `/orgs/${orgId}/people`, {
      displayName: 'Lena M.',
      kind: 'client',
      birthDate: eightYearsAgo,
      guardians: [{ name: 'Frau M.', contact: null }],
    });
    const feed = await call<{ id: string }>('POST', `/orgs/${orgId}/channels`, {
      network: 'feed',
      title: 'Website Familienzentrum',
      siteUrl: 'https://familienzentrum.example.org',
    });
    const post = await call<{ id: string }>('POST', `/orgs/${orgId}/posts`, {
      text: postText,
      targets: [{ channelId: feed.id }],
      when: { mode: 'draft' },
    });
    postId = post.id;

    await page.goto(`${baseUrl}/beitraege/${postId}`);
    // The first visit loads the composer's code: on a busy machine that can take a while.
    await expect.poll(() => panel().isVisible(), { timeout: 30_000 }).toBe(true);
    const findings = panel().getByTestId('pii-finding');
    await expect.poll(() => findings.count()).toBe(3);
    const texts = await findings.allTextContents();
    expect(texts[0]).toContain('Name aus dem Register');
    expect(texts[1]).toContain('Sensible Angabe');
    expect(texts[2]).toContain('Telefonnummer');
    expect(await panel().locator('mark').allTextContents()).toEqual(['Lena M.', 'ADHS', '0171 1234567']);
    await expect.poll(() => panel().getByText('niemand als genannt markiert', { exact: false }).isVisible()).toBe(true);
    await checkPage(page, 'composer-consent-01-pii');
  });

  it('marks the child as named, and the gate blocks the website with the reason in plain German', async () => {
    await panel().getByRole('button', { name: 'Lena M. als genannt markieren' }).click();
    await expect.poll(() => panel().getByText('als genannt markiert', { exact: true }).isVisible()).toBe(true);
    const channel = panel().getByTestId('consent-channel');
    await expect
      .poll(() => channel.getByText('blockiert', { exact: true }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await channel.textContent()).toContain('Für Lena M. (Kind) liegt keine Einwilligung vor.');
    await expect.poll(() => panel().getByText('zeigt Minderjährige').isVisible()).toBe(true);
    const person = panel().getByRole('link', { name: 'Personenseite von Lena M. öffnen' });
    expect(await person.getAttribute('href')).toMatch(/^\/personen\/[0-9a-f-]{36}$/);
    await checkPage(page, 'composer-consent-02-blocked');
  });

  it('keeps warning while one types: a new e-mail address shows up without saving', async () => {
    const text = page.getByRole('textbox', { name: 'Text' });
    await text.fill(`${postText} Oder per Mail: kurs@familienzentrum.example.org`);
    await expect.poll(() => panel().getByTestId('pii-finding').count()).toBe(4);
    expect(await panel().locator('mark').last().textContent()).toBe('kurs@familienzentrum.example.org');
  });
});
