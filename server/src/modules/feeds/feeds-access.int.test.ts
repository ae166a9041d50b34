import { parseFeed } from '@rowanmanning/feed-parser';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { posts, postTargets } from '../../db/schema/index.ts';
import { call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { ITEM_PAGE_CSP } from './item-page.ts';
import { createFeedChannel, createImage, createItem, createOrganisation } from './test-factories.ts';

// Who may see what: one organisation's feed never shows another's posts or images, and
// anything not live (disconnected, other networks, malformed ids) is a plain 404.

let t: TestApp;
let owner: Awaited<ReturnType<typeof setUp>>['owner'];
type Channel = Awaited<ReturnType<typeof createFeedChannel>>;
let a: Channel;
let b: Channel;
let aItem: Awaited<ReturnType<typeof createItem>>;
let bItem: Awaited<ReturnType<typeof createItem>>;
let aImage: Awaited<ReturnType<typeof createImage>>;
let bImage: Awaited<ReturnType<typeof createImage>>;

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'de' } });
const PUBLISHED = new Date('2025-03-30T10:15:00Z');

function expectNotFound(response: Awaited<ReturnType<typeof get>>, label: string) {
  expect(response.statusCode, `${label}: ${response.body}`).toBe(404);
  expect(response.json(), label).toEqual({ error: { code: 'not_found', message: 'Nicht gefunden.' } });
}

beforeAll(async () => {
  t = await createTestApp();
  const { orgId, owner: signedIn } = await setUp(t.app, 'Träger A');
  owner = signedIn;
  const orgB = await createOrganisation(t.db, 'Träger B', 'America/New_York');
  a = await createFeedChannel(t.db, orgId);
  b = await createFeedChannel(t.db, orgB.id, {
    settings: { title: 'Beratung B', siteUrl: 'https://beratung-b.example.org', description: null, language: 'en' },
  });
  aImage = await createImage(t.db, orgId);
  bImage = await createImage(t.db, orgB.id, { r: 10, g: 120, b: 200 });
  aItem = await createItem(t.db, a, {
    text: 'Post von A',
    publishedAt: PUBLISHED,
    images: [{ mediaId: aImage.id, alt: 'Bild von A' }],
  });
  bItem = await createItem(t.db, b, {
    text: 'Post from B',
    publishedAt: PUBLISHED,
    images: [{ mediaId: bImage.id, alt: 'Picture of B' }],
  });
});

describe('feeds of two organisations', () => {
  it('shows each channel only its own organisation’s items', async () => {
    // A row that claims A's channel but belongs to B (a bug elsewhere) must not leak into A's feed.
    const [stray] = await t.db.insert(posts).values({ orgId: b.orgId, text: 'Fremder Post von B' }).returning();
    await t.db.insert(postTargets).values({
      orgId: b.orgId,
      postId: stray!.id,
      channelId: a.id,
      state: 'published',
      publishedAt: new Date(),
    });
    const feedA = parseFeed((await get(`/feeds/${a.id}/rss.xml`)).body);
    const feedB = parseFeed((await get(`/feeds/${b.id}/atom.xml`)).body);
    expect(feedA.items.map((i) => i.title)).toEqual(['Post von A']);
    expect(feedB.items.map((i) => i.title)).toEqual(['Post from B']);
    expect(feedB.title).toBe('Beratung B');
    expectNotFound(await get(`/feeds/${a.id}/items/${bItem.target.id}`), 'B item through A');
    expectNotFound(await get(`/feeds/${b.id}/items/${aItem.target.id}`), 'A item through B');
  });

  it('serves an image only through the channel whose published item shows it', async () => {
    expect((await get(`/feeds/${a.id}/media/${aImage.id}.jpeg`)).statusCode).toBe(200);
    expectNotFound(await get(`/feeds/${a.id}/media/${bImage.id}.jpeg`), 'B image through A');
    expectNotFound(await get(`/feeds/${b.id}/media/${aImage.id}.jpeg`), 'A image through B');

    // Same organisation, but only on a scheduled item, or on another channel: not public here.
    const draftImage = await createImage(t.db, a.orgId);
    await createItem(t.db, a, { text: 'Später', state: 'scheduled', images: [{ mediaId: draftImage.id, alt: 'x' }] });
    expectNotFound(await get(`/feeds/${a.id}/media/${draftImage.id}`), 'image of a scheduled item');
    const second = await createFeedChannel(t.db, a.orgId);
    const otherImage = await createImage(t.db, a.orgId);
    await createItem(t.db, second, { text: 'Woanders', images: [{ mediaId: otherImage.id, alt: 'y' }] });
    expectNotFound(await get(`/feeds/${a.id}/media/${otherImage.id}`), 'image of another channel');
    expect((await get(`/feeds/${second.id}/media/${otherImage.id}`)).statusCode).toBe(200);
  });

  it('stops serving an item and its image once it is taken down', async () => {
    const image = await createImage(t.db, a.orgId);
    const { target } = await createItem(t.db, a, { text: 'Bald weg', images: [{ mediaId: image.id, alt: 'z' }] });
    expect((await get(`/feeds/${a.id}/items/${target.id}`)).statusCode).toBe(200);
    await t.db
      .update(postTargets)
      .set({ state: 'taken_down', takenDownAt: new Date() })
      .where(eq(postTargets.id, target.id));
    expectNotFound(await get(`/feeds/${a.id}/items/${target.id}`), 'taken-down item');
    expectNotFound(await get(`/feeds/${a.id}/media/${image.id}`), 'taken-down image');
    expect((await get(`/feeds/${a.id}/feed.json`)).body).not.toContain('Bald weg');
  });
});

describe('a feed connected in nahbar', () => {
  it('is public at the addresses the channel list shows, empty until something is published', async () => {
    const connected = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${a.orgId}/channels`,
      as: owner,
      body: { network: 'feed', title: 'Kita Sonnenschein', siteUrl: 'https://kita-sonnenschein.example.org' },
    });
    expect(connected.statusCode, connected.body).toBe(201);
    const { id, feed } = connected.json() as { id: string; feed: { rss: string; atom: string; json: string } };
    const rss = await get(new URL(feed.rss).pathname);
    expect(rss.statusCode).toBe(200);
    expect(parseFeed(rss.body)).toMatchObject({ title: 'Kita Sonnenschein', language: 'de', items: [] });
    expect(parseFeed((await get(new URL(feed.atom).pathname)).body).title).toBe('Kita Sonnenschein');
    expect((await get(new URL(feed.json).pathname)).json()).toMatchObject({ title: 'Kita Sonnenschein', items: [] });
    expect(feed.json).toBe(`http://nahbar.test/feeds/${id}/feed.json`);
  });
});

describe('channels that are not public feeds', () => {
  it('answers 404 with the error body for disconnected, non-feed, unknown and malformed ids', async () => {
    const gone = await createFeedChannel(t.db, a.orgId, { status: 'disconnected' });
    await createItem(t.db, gone, { text: 'Alt' });
    const bluesky = await createFeedChannel(t.db, a.orgId, { network: 'bluesky' });
    const unknown = '0b6f3c52-1d8e-4c4a-a1f7-5b2f0b7f9e21';
    for (const id of [gone.id, bluesky.id, unknown, 'nicht-eine-id', '1%27%20or%201=1']) {
      for (const file of ['rss.xml', 'atom.xml', 'feed.json', `items/${aItem.target.id}`, `media/${aImage.id}`]) {
        expectNotFound(await get(`/feeds/${id}/${file}`), `${id}/${file}`);
      }
    }
    expectNotFound(await get(`/feeds/${a.id}/items/kaputt`), 'malformed item id');
    expectNotFound(await get(`/feeds/${a.id}/media/kaputt.jpeg`), 'malformed media id');
  });
});

describe('item page', () => {
  it('is a standalone, accessible page in the organisation’s language and time zone', async () => {
    const response = await get(`/feeds/${b.id}/items/${bItem.target.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(ITEM_PAGE_CSP);
    const html = response.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<title>Post from B – Beratung B</title>');
    expect(html).toContain('<h1>Post from B</h1>');
    // 10:15 UTC is 06:15 in New York (EDT) on that day.
    expect(html).toMatch(/<time datetime="2025-03-30T10:15:00.000Z">30 March 2025,? at 06:15<\/time>/);
    expect(html).toContain(`<img src="/feeds/${b.id}/media/${bImage.id}.jpeg" alt="Picture of B"`);
    expect(html).toContain('<a href="https://beratung-b.example.org">');
    expect(html).not.toMatch(/<script|style=|<style/);
  });

  it('writes German dates in Berlin time, across the change to summer time', async () => {
    const beforeChange = await createItem(t.db, a, { text: 'Nachts', publishedAt: new Date('2025-03-30T00:30:00Z') });
    const before = (await get(`/feeds/${a.id}/items/${beforeChange.target.id}`)).body;
    const after = (await get(`/feeds/${a.id}/items/${aItem.target.id}`)).body;
    expect(before).toContain('<html lang="de">');
    expect(before).toMatch(/30\. März 2025( um|,) 01:30/);
    expect(after).toMatch(/30\. März 2025( um|,) 12:15/);
  });
});
