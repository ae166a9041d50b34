import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, setUpThroughThePage } from './browser.ts';
import { apiCall, type Journey, type RawBody, startJourney } from './journey.ts';

// A post planned without needing approval comes to need it: after scheduling, a resident is
// tagged in its photo and the policy "Menschen im Bild" now applies. At its time the engine holds
// it instead of publishing, and the post page and the notification say why, in German.

const owner = { name: 'Ruth Albers', email: 'ruth.albers@example.org', password: 'eine-lange-passphrase' };
const postText = 'Herbstputz im Garten des Seniorenzentrums: die Beete sind bereit für den Winter.';

let journey: Journey;
let page: Page;
let orgId = '';
let postId = '';

beforeAll(async () => {
  journey = await startJourney({ NAHBAR_SWEEP_SECONDS: '2' });
  page = journey.page;
});
afterAll(async () => {
  await journey?.close();
});

const call = <T>(method: string, url: string, body?: unknown, raw?: RawBody) =>
  apiCall<T>(page, method, url, body, raw);

describe('held for a missing approval', () => {
  it('plans a post whose photo shows nobody yet, then a resident is tagged in it', async () => {
    await setUpThroughThePage(page, journey.baseUrl, owner, 'Seniorenzentrum Lindenhof');
    const session = await call<{ organisations: { id: string }[] }>('GET', '/auth/session');
    orgId = session.organisations[0]!.id;
    const channel = await call<{ id: string }>('POST', `/orgs/${orgId}/channels`, {
      network: 'feed',
      title: 'Website Lindenhof',
      siteUrl: 'https://lindenhof.example.org',
    });
    await call('POST', `/orgs/${orgId}/approval-policies`, {
      name: 'Menschen im Bild',
      steps: [{ name: 'Datenschutz', roles: ['privacy_officer'], mode: 'any' }],
      rules: { peopleDepicted: true },
    });
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a3b18a' } })
      .jpeg()
      .toBuffer();
    const media = await call<{ id: string }>('POST', `/orgs/${orgId}/media`, undefined, {
      type: 'image/jpeg',
      bytes: photo,
    });
    await call('PUT', `/orgs/${orgId}/media/${media.id}/people`, { status: 'none', people: [] });
    const post = await call<{ id: string }>('POST', `/orgs/${orgId}/posts`, {
      text: postText,
      media: [{ mediaId: media.id, alt: 'Frisch umgegrabene Beete mit Laub abgedeckt.' }],
      targets: [{ channelId: channel.id }],
      when: { mode: 'at', at: new Date(Date.now() + 20_000).toISOString() },
    });
    postId = post.id;

    const person = await call<{ id: string }>('POST', `/orgs/${orgId}/people`, {
      displayName: 'Frau M.',
      kind: 'resident',
      ageBand: 'adult',
      guardians: [],
      jointCustody: false,
    });
    await call('POST', `/orgs/${orgId}/people/${person.id}/consents`, {
      purpose: 'website',
      validFrom: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      form: 'written',
      givenBy: ['person'],
    });
    await call('PUT', `/orgs/${orgId}/media/${media.id}/people`, {
      status: 'tagged',
      people: [{ personId: person.id }],
    });
  });

  it('holds it at its time and the post page says it needs an approval, not that it was late', async () => {
    await expect
      .poll(
        async () =>
          (await call<{ targets: { state: string }[] }>('GET', `/orgs/${orgId}/posts/${postId}`)).targets[0]?.state,
        { timeout: 45_000, interval: 500 },
      )
      .toBe('held');
    await page.goto(`${journey.baseUrl}/beitraege/${postId}`);
    const held = page.getByText(/^Angehalten: Der Beitrag braucht inzwischen eine Freigabe/);
    await expect.poll(() => held.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText(/mehr als 6 Stunden überfällig/).count()).toBe(0);
    await checkPage(page, 'held-approval-post');
  });

  it('tells the author in the notification centre why, in German', async () => {
    await page.getByRole('button', { name: /Benachrichtigungen/ }).click();
    const told = page.getByText(
      /konnte bei Website Lindenhof nicht veröffentlicht werden: Der Beitrag braucht eine Freigabe, die noch fehlt\./,
    );
    await expect.poll(() => told.isVisible(), { timeout: 15_000 }).toBe(true);
    await checkPage(page, 'held-approval-notification');
  });
});
