import { parseFeed } from '@rowanmanning/feed-parser';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { postTargets } from '../../db/schema/index.ts';
import { createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createFeedChannel, createImage, createItem } from './test-factories.ts';

let t: TestApp;
let orgId: string;
let channel: Awaited<ReturnType<typeof createFeedChannel>>;
let image: Awaited<ReturnType<typeof createImage>>;
let newest: Awaited<ReturnType<typeof createItem>>;
let older: Awaited<ReturnType<typeof createItem>>;

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const feedUrl = (file: string, id = channel.id) => `/feeds/${id}/${file}`;
const T1 = new Date('2025-03-30T00:30:00Z'); // 01:30 in Berlin, just before the clocks go forward
const T2 = new Date('2025-03-30T10:15:00Z'); // 12:15 in Berlin (CEST)

beforeAll(async () => {
  t = await createTestApp();
  ({ orgId } = await setUp(t.app, 'Jugendhilfe Nord'));
  channel = await createFeedChannel(t.db, orgId);
  image = await createImage(t.db, orgId);
  older = await createItem(t.db, channel, { text: 'Sommerfest am Samstag\nAb 14 Uhr im Hof.', publishedAt: T1 });
  newest = await createItem(t.db, channel, {
    text: 'Wird ersetzt',
    targetText: 'Neue Öffnungszeiten ab Montag\n\nMehr unter https://example.org/zeiten?x=1&y=2',
    publishedAt: T2,
    images: [{ mediaId: image.id, alt: 'Der Eingang des Jugendtreffs mit neuem Schild' }],
  });
});

describe('website feed formats', () => {
  it('serves RSS 2.0 that a feed parser reads with titles, links, dates and the image', async () => {
    const response = await get(feedUrl('rss.xml'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const feed = parseFeed(response.body);
    expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    expect(feed.title).toBe('Jugendtreff Nord');
    expect(feed.description).toBe('Neues aus dem Jugendtreff');
    expect(feed.url).toBe(new URL(String(channel.settings.siteUrl)).href);
    expect(feed.language).toBe('de');
    expect(feed.self).toBe(`http://nahbar.test/feeds/${channel.id}/rss.xml`);
    expect(feed.items.map((i) => i.title)).toEqual(['Neue Öffnungszeiten ab Montag', 'Sommerfest am Samstag']);
    const [first, second] = feed.items;
    expect(first?.url).toBe(`http://nahbar.test/feeds/${channel.id}/items/${newest.target.id}`);
    expect(first?.id).toBe(`urn:uuid:${newest.target.id}`);
    expect(first?.published?.toISOString()).toBe(T2.toISOString());
    expect(second?.published?.toISOString()).toBe(T1.toISOString());
    expect(second?.url).toBe(`http://nahbar.test/feeds/${channel.id}/items/${older.target.id}`);
    expect(first?.media).toEqual([
      expect.objectContaining({
        url: `http://nahbar.test/feeds/${channel.id}/media/${image.id}.jpeg`,
        mimeType: 'image/jpeg',
        type: 'image',
        length: image.size,
      }),
    ]);
    expect(first?.content).toContain('alt="Der Eingang des Jugendtreffs mit neuem Schild"');
    expect(first?.content).toContain('<a href="https://example.org/zeiten?x=1');
    expect(second?.content).toBe('<p>Sommerfest am Samstag<br>Ab 14 Uhr im Hof.</p>');
  });

  it('serves Atom that a feed parser reads the same way', async () => {
    const response = await get(feedUrl('atom.xml'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const feed = parseFeed(response.body);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Jugendtreff Nord');
    expect(feed.url).toBe(new URL(String(channel.settings.siteUrl)).href);
    expect(feed.self).toBe(`http://nahbar.test/feeds/${channel.id}/atom.xml`);
    expect(feed.updated?.toISOString()).toBe(T2.toISOString());
    expect(feed.items).toHaveLength(2);
    const first = feed.items[0];
    expect(first?.title).toBe('Neue Öffnungszeiten ab Montag');
    expect(first?.url).toBe(`http://nahbar.test/feeds/${channel.id}/items/${newest.target.id}`);
    expect(first?.published?.toISOString()).toBe(T2.toISOString());
    expect(first?.media[0]).toMatchObject({ mimeType: 'image/jpeg', length: image.size });
    expect(first?.content).toContain('<img src="http://nahbar.test/feeds/');
  });

  it('serves JSON Feed 1.1 with content, dates, image and attachments', async () => {
    const response = await get(feedUrl('feed.json'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const feed = response.json();
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Jugendtreff Nord',
      home_page_url: channel.settings.siteUrl,
      feed_url: `http://nahbar.test/feeds/${channel.id}/feed.json`,
      description: 'Neues aus dem Jugendtreff',
      language: 'de',
    });
    expect(feed.items).toHaveLength(2);
    const mediaUrl = `http://nahbar.test/feeds/${channel.id}/media/${image.id}.jpeg`;
    expect(feed.items[0]).toEqual({
      id: `urn:uuid:${newest.target.id}`,
      url: `http://nahbar.test/feeds/${channel.id}/items/${newest.target.id}`,
      title: 'Neue Öffnungszeiten ab Montag',
      content_html: [
        '<p>Neue Öffnungszeiten ab Montag</p>',
        '<p>Mehr unter <a href="https://example.org/zeiten?x=1&amp;y=2">https://example.org/zeiten?x=1&amp;y=2</a></p>',
        `<p><img src="${mediaUrl}" alt="Der Eingang des Jugendtreffs mit neuem Schild" width="64" height="48"></p>`,
      ].join('\n'),
      content_text: 'Neue Öffnungszeiten ab Montag\n\nMehr unter https://example.org/zeiten?x=1&y=2',
      date_published: T2.toISOString(),
      image: mediaUrl,
      attachments: [
        {
          url: mediaUrl,
          mime_type: 'image/jpeg',
          size_in_bytes: image.size,
          title: 'Der Eingang des Jugendtreffs mit neuem Schild',
        },
      ],
    });
    expect(feed.items[1]).not.toHaveProperty('attachments');
  });

  it('serves the image bytes the feeds link to, embeddable from any website', async () => {
    const response = await get(`/feeds/${channel.id}/media/${image.id}.jpeg`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d{5,}/);
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.rawPayload.equals(image.bytes)).toBe(true);
    expect((await get(`/feeds/${channel.id}/media/${image.id}`)).statusCode).toBe(200);
  });
});

describe('website feed caching', () => {
  it('answers 304 to a matching ETag and a new ETag once something is published', async () => {
    const first = await get(feedUrl('rss.xml'));
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const again = await get(feedUrl('rss.xml'), { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const extra = await createItem(t.db, channel, { text: 'Kurz notiert', publishedAt: new Date() });
    const changed = await get(feedUrl('rss.xml'), { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(parseFeed(changed.body).items[0]?.title).toBe('Kurz notiert');
    await t.db.update(postTargets).set({ state: 'taken_down' }).where(eq(postTargets.id, extra.target.id));
  });
});

describe('what the public sees', () => {
  it('shows only published items: not scheduled, taken down, awaiting takedown or private ones', async () => {
    const hidden = [
      await createItem(t.db, channel, { text: 'Geplant für morgen', state: 'scheduled' }),
      await createItem(t.db, channel, { text: 'Zurückgezogen', state: 'taken_down' }),
      await createItem(t.db, channel, { text: 'Einwilligung widerrufen', takedownRequestedAt: new Date() }),
      await createItem(t.db, channel, { text: 'Nur intern', visibility: 'private' }),
    ];
    const unlisted = await createItem(t.db, channel, { text: 'Nur per Link', visibility: 'unlisted' });
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const body = (await get(feedUrl(file))).body;
      expect(body).toContain('Neue Öffnungszeiten');
      for (const text of ['Geplant', 'Zurückgezogen', 'widerrufen', 'Nur intern', 'Nur per Link']) {
        expect(body, `${file} shows ${text}`).not.toContain(text);
      }
    }
    for (const { target } of hidden) {
      expect((await get(`/feeds/${channel.id}/items/${target.id}`)).statusCode).toBe(404);
    }
    expect((await get(`/feeds/${channel.id}/items/${unlisted.target.id}`)).statusCode).toBe(200);
  });

  it('lists the newest 50 items, newest first', async () => {
    const busy = await createFeedChannel(t.db, orgId);
    const start = Date.UTC(2025, 0, 1);
    for (let n = 1; n <= 53; n += 1) {
      await createItem(t.db, busy, { text: `Meldung ${n}`, publishedAt: new Date(start + n * 3_600_000) });
    }
    const feed = (await get(feedUrl('feed.json', busy.id))).json();
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0].title).toBe('Meldung 53');
    expect(feed.items[49].title).toBe('Meldung 4');
  });

  it('shows a <script> in a post as text in every format, never as markup', async () => {
    const evil = '<script>alert("x")</script> & <b>fett</b> ]]> ende';
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fett&lt;/b&gt; ]]&gt; ende';
    const own = await createFeedChannel(t.db, orgId);
    const pic = await createImage(t.db, orgId);
    const { target } = await createItem(t.db, own, {
      text: evil,
      images: [{ mediaId: pic.id, alt: '"><script>alert(1)</script>' }],
    });
    const rss = (await get(feedUrl('rss.xml', own.id))).body;
    const atom = (await get(feedUrl('atom.xml', own.id))).body;
    const json = (await get(feedUrl('feed.json', own.id))).json().items[0];
    const page = (await get(`/feeds/${own.id}/items/${target.id}`)).body;
    // The HTML as a reader gets it after XML parsing: the character data of the content element.
    const htmlOf = (xml: string, tag: string) =>
      new RegExp(`<${tag}[^>]*><!\\[CDATA\\[([^]*?)\\]\\]></${tag}>`).exec(xml)?.[1];
    for (const [label, html] of [
      ['rss', htmlOf(rss, 'content:encoded')],
      ['atom', htmlOf(atom, 'content')],
      ['json', json.content_html],
      ['page', page],
    ]) {
      expect(html, label).not.toContain('<script>');
      expect(html, label).not.toContain('<b>');
      expect(html, label).toContain(escaped);
      expect(html, label).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    }
    // RSS titles are plain text: the one raw <script> in the RSS is inside its title's CDATA.
    expect(rss.split('<script>')).toHaveLength(2);
    expect(rss).toContain('<title><![CDATA[<script>alert("x")</script> & <b>fett</b> ]] > ende]]></title>');
    expect(atom).not.toContain('<script>');
    expect(parseFeed(rss).items[0]?.title).toBe('<script>alert("x")</script> & <b>fett</b> ]] > ende');
    expect(parseFeed(atom).items[0]?.title).toBe(evil);
    expect(json.title).toBe(evil);
    expect(json.content_text).toBe(evil);
  });
});
