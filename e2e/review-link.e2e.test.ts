import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, setUpThroughThePage } from './browser.ts';
import { apiCall, type Journey, startJourney } from './journey.ts';

// A board member without an account approves a post by link: the organisation is set up
// through the page; a policy with an external "Vorstand" step, a post with a photo and a link
// come through the API; the board member opens the link on a phone, sees the post as it will
// go out, tries to ask for changes without a reason, then approves; the link is then used up.

const owner = { name: 'Karin Albers', email: 'karin@example.org', password: 'eine-lange-passphrase' };
const postText =
  'Am Samstag, 14. Juni, feiern wir 25 Jahre Nachbarschaftshaus Lindenhof – mit Kaffee, Kuchen und Musik im Hof. Alle sind herzlich eingeladen!';

let baseUrl = '';
let browser: Browser;
let page: Page;
let linkUrl = '';
let postId = '';
let orgId = '';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  ({ baseUrl, browser, page } = journey);
}, 120_000);
afterAll(async () => {
  await journey?.close();
});

const call = <T>(method: string, url: string, body?: unknown) => apiCall<T>(page, method, url, body);

/** A courtyard with a long table and bunting. */
function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
    <rect width="1600" height="600" fill="#cfe8f5"/><rect y="600" width="1600" height="400" fill="#c9b79c"/>
    <path d="M0 120 Q400 260 800 120 T1600 120" stroke="#555" stroke-width="6" fill="none"/>
    <g fill="#e4572e"><path d="M120 150 l40 80 l40 -70z"/><path d="M520 210 l40 80 l40 -75z"/>
    <path d="M920 180 l40 80 l40 -70z"/><path d="M1320 160 l40 80 l40 -70z"/></g>
    <rect x="300" y="640" width="1000" height="50" fill="#8a5a33"/>
    <rect x="340" y="690" width="30" height="160" fill="#6b4426"/><rect x="1230" y="690" width="30" height="160" fill="#6b4426"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  return context.newPage();
}

describe('external review link', () => {
  it('sets up through the page, then a post waiting for the board and a link for Dr. Vogt', async () => {
    await setUpThroughThePage(page, baseUrl, owner, 'Nachbarschaftshaus Lindenhof');
    const session = await call<{ organisations: { id: string }[] }>('GET', '/auth/session');
    orgId = session.organisations[0]!.id;
    await call('POST', `/orgs/${orgId}/approval-policies`, {
      name: 'Jubiläum: Vorstand',
      steps: [{ name: 'Vorstand', roles: ['external'], mode: 'any', deadlineHours: 72 }],
      rules: { tags: ['jubiläum'] },
    });
    const website = await call<{ id: string }>('POST', `/orgs/${orgId}/channels`, {
      network: 'feed',
      title: 'Website Lindenhof',
      siteUrl: 'https://lindenhof.example.org',
    });
    const media = await apiCall<{ id: string }>(page, 'POST', `/orgs/${orgId}/media`, undefined, {
      type: 'image/jpeg',
      bytes: await photo(),
    });
    const post = await call<{ id: string }>('POST', `/orgs/${orgId}/posts`, {
      text: postText,
      tags: ['jubiläum'],
      targets: [{ channelId: website.id, text: `${postText}\n\nMehr auf lindenhof.example.org` }],
      media: [{ mediaId: media.id, alt: 'Der Hof des Nachbarschaftshauses mit einer langen Tafel und bunten Wimpeln' }],
      when: { mode: 'draft' },
    });
    postId = post.id;
    await call('POST', `/orgs/${orgId}/posts/${postId}/submit`, { when: { mode: 'draft' }, comment: null });
    const review = await call<{ id: string }>('GET', `/orgs/${orgId}/posts/${postId}/review`);
    const link = await call<{ url: string }>('POST', `/orgs/${orgId}/reviews/${review.id}/links`, {
      name: 'Dr. Helga Vogt',
      expiresInDays: 7,
    });
    expect(link.url).toMatch(/\/freigabe\/[\w-]+$/);
    linkUrl = link.url.replace(/^https?:\/\/[^/]+/, baseUrl);

    // The post lists the links made for it; a second one, not needed after all, is taken back.
    await call('POST', `/orgs/${orgId}/reviews/${review.id}/links`, { name: 'Prof. Ersatz', expiresInDays: 3 });
    await page.goto(`${baseUrl}/beitraege/${postId}`);
    const links = page.getByRole('list', { name: 'Links für externe Freigabe' });
    await expect
      .poll(() => links.getByText(/^Dr\. Helga Vogt: offen bis /).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await links.getByRole('button', { name: 'Link für Prof. Ersatz zurückziehen' }).click();
    await expect.poll(() => links.getByText('Prof. Ersatz: zurückgezogen').isVisible()).toBe(true);
    await checkPage(page, 'review-link-00-links-on-post');
  });

  it('Dr. Vogt opens the link on her phone, needs a reason to ask for changes, then approves', async () => {
    const phonePage = await phone();
    await phonePage.goto(linkUrl);
    await expect
      .poll(() => phonePage.getByRole('heading', { name: 'Freigabe eines Beitrags', level: 1 }).isVisible())
      .toBe(true);
    await expect
      .poll(() => phonePage.getByText('Nachbarschaftshaus Lindenhof bittet Sie, Dr. Helga Vogt').isVisible())
      .toBe(true);
    await expect.poll(() => phonePage.getByRole('cell', { name: 'Vorstand' }).isVisible()).toBe(true);
    await expect
      .poll(() => phonePage.getByRole('heading', { name: 'Fassung für Website Lindenhof' }).isVisible())
      .toBe(true);
    const image = phonePage.getByRole('img', { name: /langen Tafel/ });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await checkPage(phonePage, 'review-link-01-open-mobile');

    await phonePage.getByRole('button', { name: 'Änderungen erbitten' }).click();
    await expect.poll(() => phonePage.getByText(/Bitte schreiben Sie kurz/).isVisible()).toBe(true);
    await checkPage(phonePage, 'review-link-02-reason-missing-mobile');

    await phonePage.getByRole('textbox', { name: /Kommentar/ }).fill('Schön geworden – gern so.');
    await phonePage.getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => phonePage.getByText('Vielen Dank für Ihre Entscheidung').isVisible()).toBe(true);
    await expect.poll(() => phonePage.getByText(/Sie haben den Beitrag freigegeben/).isVisible()).toBe(true);
    await checkPage(phonePage, 'review-link-03-thanks-mobile');

    const review = await call<{ status: string; decisions: { name: string; role: string }[] }>(
      'GET',
      `/orgs/${orgId}/posts/${postId}/review`,
    );
    expect(review.status).toBe('approved');
    expect(review.decisions).toEqual([expect.objectContaining({ name: 'Dr. Helga Vogt', role: 'external' })]);

    // Opening it again: thanks, no buttons.
    await phonePage.reload();
    await expect.poll(() => phonePage.getByText('Vielen Dank für Ihre Entscheidung').isVisible()).toBe(true);
    expect(await phonePage.getByRole('button', { name: 'Freigeben' }).count()).toBe(0);
    await phonePage.context().close();
  });

  it('an unknown link says so kindly', async () => {
    const phonePage = await phone();
    await phonePage.goto(`${baseUrl}/freigabe/gibt-es-nicht`);
    await expect.poll(() => phonePage.getByText('Dieser Link funktioniert nicht').isVisible()).toBe(true);
    await checkPage(phonePage, 'review-link-04-unknown-mobile');
    await phonePage.context().close();
  });
});
