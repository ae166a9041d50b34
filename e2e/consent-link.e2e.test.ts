import type { ConsentRequest, Person } from '@nahbar/common';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launch } from './browser.ts';
import startServer from './global-setup.ts';

// A team member prepares a digital consent link for a child's mother (through the API); she
// opens it on her phone, reads the text, sees the exact photo, types her name, ticks and
// confirms; the register then holds a digital consent. A withdrawn link says so kindly.

let baseUrl = '';
let stopServer: (() => Promise<void>) | undefined;
let browser: Browser;
const session = { cookie: '', csrf: '' };
let orgId = '';

async function api<T>(method: string, path: string, body?: unknown, type = 'application/json'): Promise<T> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': type }),
      ...(session.cookie && { cookie: session.cookie, 'x-csrf-token': session.csrf }),
    },
    body:
      body === undefined
        ? undefined
        : type === 'application/json'
          ? JSON.stringify(body)
          : new Uint8Array(body as Buffer),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  if (!session.cookie) {
    session.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  }
  return (await response.json()) as T;
}

/** A friendly picture: sky, meadow, sun and two stick figures at a table. */
function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
    <rect width="1600" height="620" fill="#9fd3f0"/><rect y="620" width="1600" height="380" fill="#7cb86a"/>
    <circle cx="1350" cy="180" r="110" fill="#f7d44a"/>
    <rect x="520" y="640" width="560" height="40" fill="#8a5a33"/>
    <g stroke="#333" stroke-width="18" fill="none"><circle cx="600" cy="430" r="60" fill="#f2c9a0"/>
    <path d="M600 490 v170 M600 540 l-80 70 M600 540 l80 70 M600 660 l-60 130 M600 660 l60 130"/>
    <circle cx="990" cy="470" r="50" fill="#e0b08a"/>
    <path d="M990 520 v140 M990 560 l-70 60 M990 560 l70 60 M990 660 l-50 120 M990 660 l50 120"/></g>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

let person: Person;
let link: ConsentRequest;

beforeAll(async () => {
  const project = { provide: (_key: 'baseUrl', value: string) => (baseUrl = value) };
  [stopServer, browser] = await Promise.all([
    startServer(project as unknown as Parameters<typeof startServer>[0]),
    launch(),
  ]);
  const setup = await api<{ csrfToken: string; organisations: { id: string }[] }>('POST', '/setup', {
    organisation: { name: 'Kinder- und Jugendhaus Lindenhof' },
    owner: { name: 'Jana Petersen', email: 'jana@example.org', password: 'eine-lange-passphrase' },
  });
  session.csrf = setup.csrfToken;
  orgId = setup.organisations[0]!.id;
  const media = await api<{ id: string }>('POST', `/orgs/${orgId}/media`, await photo(), 'image/jpeg');
  const born = new Date();
  born.setUTCFullYear(born.getUTCFullYear() - 8);
  person = await api<Person>('POST', `/orgs/${orgId}/people`, {
    displayName: 'Mila S.',
    kind: 'client',
    birthDate: born.toISOString().slice(0, 10),
    guardians: [
      { name: 'Aylin Schäfer', contact: 'aylin@example.org' },
      { name: 'Jonas Schäfer', contact: null },
    ],
    jointCustody: true,
  });
  link = await api<ConsentRequest>('POST', `/orgs/${orgId}/people/${person.id}/consent-requests`, {
    purpose: 'social_media',
    networks: ['bluesky', 'mastodon'],
    signatory: 'guardian_1',
    mediaId: media.id,
    validUntil: `${new Date().getUTCFullYear() + 2}-07-31`,
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stopServer?.();
});

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  return context.newPage();
}

describe('digital consent link', () => {
  it('the mother opens the link on her phone, reads, sees the photo and confirms', async () => {
    expect(link.url).toMatch(new RegExp(`^${baseUrl}/einwilligung/`));
    const page = await phone();
    await page.goto(link.url!);
    await expect.poll(() => page.getByRole('heading', { name: 'Einwilligung', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Kinder- und Jugendhaus Lindenhof bittet Sie').isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: 'Aylin Schäfer (erziehungsberechtigte Person)' }).isVisible()).toBe(
      true,
    );
    await expect
      .poll(() => page.getByRole('cell', { name: 'Social Media: Bluesky und Mastodon' }).isVisible())
      .toBe(true);
    const image = page.getByRole('img', { name: /Mila S\./ });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect.poll(() => page.getByText(/Art\. 7 Abs\. 3 DSGVO/).isVisible()).toBe(true);
    await checkPage(page, 'consent-link-01-open-mobile');

    await page.getByRole('button', { name: 'Einwilligung erteilen' }).click();
    await expect.poll(() => page.getByText('Bitte geben Sie Ihren Namen ein.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Bitte setzen Sie das Häkchen').isVisible()).toBe(true);
    await checkPage(page, 'consent-link-02-missing-mobile');

    await page.getByRole('textbox', { name: 'Ihr vollständiger Name' }).fill('Aylin Schäfer');
    await page.getByRole('checkbox', { name: /Ich willige ein/ }).check();
    await page.getByRole('button', { name: 'Einwilligung erteilen' }).click();
    await expect.poll(() => page.getByText('Vielen Dank – Ihre Einwilligung ist eingegangen').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/^Erteilt am .+ um \d\d:\d\d Uhr\.$/).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'So können Sie widerrufen' }).isVisible()).toBe(true);
    await checkPage(page, 'consent-link-03-confirmed-mobile');

    const consents = await api<{ items: { form: string; source: string; givenBy: string[]; status: string }[] }>(
      'GET',
      `/orgs/${orgId}/people/${person.id}/consents`,
    );
    expect(consents.items).toEqual([
      expect.objectContaining({ form: 'digital', source: 'link', givenBy: ['guardian_1'], status: 'valid' }),
    ]);

    // Opening the link again shows the confirmation, not the form.
    await page.reload();
    await expect.poll(() => page.getByText('Vielen Dank – Ihre Einwilligung ist eingegangen').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Einwilligung erteilen' }).count()).toBe(0);
    await page.context().close();
  });

  it('a withdrawn link says so kindly; an English link speaks English', async () => {
    const second = await api<ConsentRequest>('POST', `/orgs/${orgId}/people/${person.id}/consent-requests`, {
      purpose: 'website',
      signatory: 'guardian_2',
    });
    await api('POST', `/orgs/${orgId}/consent-requests/${second.id}/revoke`, {});
    const page = await phone();
    await page.goto(second.url!);
    await expect.poll(() => page.getByText('Dieser Link wurde zurückgezogen').isVisible()).toBe(true);
    await checkPage(page, 'consent-link-04-revoked-mobile');
    await page.context().close();

    const english = await api<ConsentRequest>('POST', `/orgs/${orgId}/people/${person.id}/consent-requests`, {
      purpose: 'print',
      signatory: 'guardian_2',
      language: 'en',
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    const desktop = await context.newPage();
    await desktop.goto(english.url!);
    await expect.poll(() => desktop.getByRole('button', { name: 'Give consent' }).isVisible()).toBe(true);
    await expect.poll(() => desktop.getByText('Jonas Schäfer (parent or guardian)').isVisible()).toBe(true);
    await checkPage(desktop, 'consent-link-05-open-english');
    await context.close();

    const unknown = await phone();
    await unknown.goto(`${baseUrl}/einwilligung/nicht-vorhanden`);
    await expect
      .poll(() => unknown.getByText('Dieser Link funktioniert nicht').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await checkPage(unknown, 'consent-link-06-invalid-mobile');
    await unknown.context().close();
  });
});
