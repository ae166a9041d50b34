import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlueskyJourney, startBlueskyJourney } from './bluesky-journey.ts';
import { checkPage, connectBlueskyThroughThePage, joinThroughInvitation, setUpThroughThePage } from './browser.ts';
import { apiCall, type RawBody } from './journey.ts';

// Issue #6's journey: a contributor suggests a post showing a child → an editor completes it and
// approves for Redaktion → Leitung approves → Datenschutz approves → it publishes to the local
// Bluesky network. Each person in their own browser, signed in through their invitation.

const owner = { name: 'Ruth Albers', email: 'ruth.albers@example.org', password: 'eine-lange-passphrase' };
const team = {
  contributor: { name: 'Carla Beitrag', email: 'carla@example.org', roles: ['contributor'] },
  editor: { name: 'Emil Redaktion', email: 'emil@example.org', roles: ['editor'] },
  leitung: { name: 'Lea Leitung', email: 'lea@example.org', roles: ['approver'] },
  privacy: { name: 'Dana Datenschutz', email: 'dana@example.org', roles: ['privacy_officer'] },
} as const;
const PASSWORD = 'eine-andere-lange-passphrase';
const suggestion = 'Mila hat heute im Hort den Apfelkuchen für das Herbstfest gebacken.';
const completed = `${suggestion} Danke an alle Helferinnen und Helfer! #Hortleben`;

let j: BlueskyJourney;
let page: Page;
const pages: Partial<Record<keyof typeof team, Page>> = {};
let orgId = '';
let postId = '';

beforeAll(async () => {
  j = await startBlueskyJourney('hortregenbogen', { NAHBAR_SWEEP_SECONDS: '3' });
  page = j.page;
});
afterAll(async () => {
  await j?.close();
});

const call = <T>(on: Page, method: string, url: string, body?: unknown, raw?: RawBody) =>
  apiCall<T>(on, method, url, body, raw);

/** Invite through the API, accept through the page in a browser of their own. */
const join = (key: keyof typeof team): Promise<Page> =>
  joinThroughInvitation(page, j.baseUrl, orgId, { ...team[key], password: PASSWORD });

const reviewPanel = (on: Page) => on.getByRole('region', { name: 'Freigabestatus' });

async function approveAs(key: keyof typeof team, shot: string) {
  const own = pages[key]!;
  await own.getByRole('link', { name: /^Freigaben/ }).click();
  await own.waitForURL('**/freigaben');
  const item = own.getByRole('link', { name: /Apfelkuchen/ }).first();
  await expect.poll(() => item.isVisible(), { timeout: 20_000 }).toBe(true);
  await item.click();
  await own.waitForURL(`**/beitraege/${postId}`);
  await expect
    .poll(() => reviewPanel(own).getByRole('button', { name: 'Freigeben' }).isVisible(), { timeout: 20_000 })
    .toBe(true);
  await checkPage(own, shot);
  await reviewPanel(own).getByRole('button', { name: 'Freigeben' }).click();
}

describe('approval journey', () => {
  it('sets up the organisation, Bluesky, the policy for posts showing minors, and the team', async () => {
    await setUpThroughThePage(page, j.baseUrl, owner, 'Hort Regenbogen');
    await connectBlueskyThroughThePage(page, j.account, j.network.pdsUrl);
    const session = await call<{ organisations: { id: string }[] }>(page, 'GET', '/auth/session');
    orgId = session.organisations[0]!.id;
    await call(page, 'POST', `/orgs/${orgId}/approval-policies`, {
      name: 'Beiträge mit Minderjährigen',
      steps: [
        { name: 'Redaktion', roles: ['editor'], mode: 'any' },
        { name: 'Leitung', roles: ['approver'], mode: 'any' },
        { name: 'Datenschutz', roles: ['privacy_officer'], mode: 'any' },
      ],
      rules: { minorsDepicted: true },
    });
    for (const key of Object.keys(team) as (keyof typeof team)[]) pages[key] = await join(key);
  });

  it('has a child with both guardians’ consent, tagged in a photo', async () => {
    const person = await call<{ id: string }>(page, 'POST', `/orgs/${orgId}/people`, {
      displayName: 'Mila K.',
      kind: 'client',
      birthDate: `${new Date().getFullYear() - 9}-03-14`,
      guardians: [
        { name: 'Frau K.', contact: null },
        { name: 'Herr K.', contact: null },
      ],
      jointCustody: true,
    });
    await call(page, 'POST', `/orgs/${orgId}/people/${person.id}/consents`, {
      purpose: 'social_media',
      networks: ['bluesky'],
      validFrom: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      form: 'written',
      givenBy: ['guardian_1', 'guardian_2'],
    });
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#d4a373' } })
      .jpeg()
      .toBuffer();
    const media = await call<{ id: string }>(page, 'POST', `/orgs/${orgId}/media`, undefined, {
      type: 'image/jpeg',
      bytes: photo,
    });
    await call(page, 'PUT', `/orgs/${orgId}/media/${media.id}/people`, {
      status: 'tagged',
      people: [{ personId: person.id }],
    });
    // The contributor writes the suggestion with the photo.
    const channels = await call<{ id: string }[]>(pages.contributor!, 'GET', `/orgs/${orgId}/channels`);
    const post = await call<{ id: string }>(pages.contributor!, 'POST', `/orgs/${orgId}/posts`, {
      text: suggestion,
      media: [{ mediaId: media.id, alt: 'Ein Kind hält einen Apfelkuchen in die Kamera.' }],
      targets: [{ channelId: channels[0]!.id }],
      when: { mode: 'draft' },
    });
    postId = post.id;
  });

  it('the contributor submits the suggestion, to be published at once when approved', async () => {
    const own = pages.contributor!;
    await own.goto(`${j.baseUrl}/beitraege/${postId}`);
    await expect
      .poll(
        () => own.getByText(/Dieser Beitrag braucht eine Freigabe: Redaktion → Leitung → Datenschutz/).isVisible(),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    await own.getByRole('radio', { name: 'Sofort veröffentlichen' }).check();
    await checkPage(own, 'approvals-journey-01-contributor');
    await own.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect
      .poll(() => reviewPanel(own).getByText('In Freigabe', { exact: true }).isVisible(), { timeout: 10_000 })
      .toBe(true);
  });

  it('the editor completes the text and approves for Redaktion', async () => {
    const own = pages.editor!;
    // The count refreshes every minute; a reload shows it at once.
    await own.reload();
    await expect
      .poll(() => own.getByRole('link', { name: /^Freigaben.*1/ }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await own.getByRole('link', { name: /^Freigaben/ }).click();
    await own
      .getByRole('link', { name: /Apfelkuchen/ })
      .first()
      .click();
    await own.waitForURL(`**/beitraege/${postId}`);
    await own.getByRole('textbox', { name: 'Text', exact: true }).fill(completed);
    await expect
      .poll(() => own.getByText('Alle Änderungen sind gespeichert.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect
      .poll(() => reviewPanel(own).getByRole('button', { name: 'Freigeben' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await checkPage(own, 'approvals-journey-02-editor');
    await reviewPanel(own).getByRole('button', { name: 'Freigeben' }).click();
    await expect
      .poll(() =>
        reviewPanel(own)
          .getByText(/Freigegeben von Emil Redaktion \(Redaktion\)/)
          .isVisible(),
      )
      .toBe(true);
  });

  it('Leitung approves', async () => {
    await approveAs('leitung', 'approvals-journey-03-leitung');
    await expect
      .poll(() =>
        reviewPanel(pages.leitung!)
          .getByText(/Freigegeben von Lea Leitung/)
          .isVisible(),
      )
      .toBe(true);
  });

  it('Datenschutz approves the post showing a minor, and it publishes to Bluesky', async () => {
    await approveAs('privacy', 'approvals-journey-04-datenschutz');
    await expect.poll(async () => (await j.postsOnPds()).length, { timeout: 60_000 }).toBe(1);
    const [record] = await j.postsOnPds();
    expect(record!.value.text).toBe(completed);
    expect(record!.value.embed?.$type).toBe('app.bsky.embed.images');
  });

  it('shows the whole way in the post’s timeline', async () => {
    const own = pages.contributor!;
    await own.goto(`${j.baseUrl}/beitraege/${postId}`);
    const history = own.getByRole('region', { name: 'Verlauf des Beitrags' });
    await expect
      .poll(() => history.getByText(/Carla Beitrag hat den Beitrag zur Freigabe eingereicht/).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    for (const [who, step] of [
      ['Emil Redaktion', 'Redaktion'],
      ['Lea Leitung', 'Leitung'],
      ['Dana Datenschutz', 'Datenschutz'],
    ]) {
      const line = history.getByText(new RegExp(`${who} hat den (letzten )?Schritt „${step}“ freigegeben`));
      await expect.poll(() => line.first().isVisible()).toBe(true);
    }
    await expect
      .poll(
        () =>
          history
            .getByText(/veröffentlicht/)
            .first()
            .isVisible(),
        { timeout: 20_000 },
      )
      .toBe(true);
    await checkPage(own, 'approvals-journey-05-timeline');
  });
});
