import { Feed, type Item } from 'feed';
import { feedItemUrl } from '../../channels/feed/adapter.ts';
import { escapeHtml, formatLocalDate, imagesToHtml, itemTitle, textToHtml, xmlSafe } from './html.ts';
import type { FeedChannel, FeedImage, FeedItem } from './service.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FORMATS = {
  rss: { file: 'rss.xml', type: 'application/rss+xml; charset=utf-8' },
  atom: { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8' },
  json: { file: 'feed.json', type: 'application/feed+json; charset=utf-8' },
} as const satisfies Record<FeedFormat, { file: string; type: string }>;

export function channelBase(publicUrl: string, channelId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/feeds/${channelId}`;
}

/** The extension is the MIME subtype, so readers that guess the type from the name (Atom) get it right. */
export function mediaPath(channelId: string, image: Pick<FeedImage, 'mediaId' | 'mime'>): string {
  const subtype = image.mime.split('/')[1]?.replace(/[^a-z0-9.+-]/gi, '') || 'bin';
  return `/feeds/${channelId}/media/${image.mediaId}.${subtype}`;
}

type View = { channel: FeedChannel; items: FeedItem[]; publicUrl: string };

function prepared({ channel, items, publicUrl }: View) {
  const origin = publicUrl.replace(/\/+$/, '');
  const mediaUrl = (image: FeedImage) => origin + mediaPath(channel.id, image);
  return items.map((item) => {
    const fallback = formatLocalDate(item.publishedAt, channel.settings.language, channel.timeZone);
    return {
      item,
      id: `urn:uuid:${item.targetId}`,
      url: feedItemUrl(publicUrl, channel.id, item.targetId),
      title: itemTitle(item.text, item.images[0]?.alt || fallback),
      html: [textToHtml(item.text), imagesToHtml(item.images, mediaUrl)].filter(Boolean).join('\n'),
      images: item.images.map((image) => ({ ...image, url: mediaUrl(image) })),
    };
  });
}

function xmlFeed(view: View): Feed {
  const { settings } = view.channel;
  const base = channelBase(view.publicUrl, view.channel.id);
  return new Feed({
    id: `urn:uuid:${view.channel.id}`,
    title: xmlSafe(settings.title),
    ...(settings.description && { description: xmlSafe(settings.description) }),
    link: settings.siteUrl,
    language: settings.language,
    // The newest item's time, not "now": identical requests get identical bytes.
    updated: view.items[0]?.publishedAt ?? view.channel.createdAt,
    generator: 'nahbar',
    author: { name: xmlSafe(settings.title), link: settings.siteUrl },
    feedLinks: { rss: `${base}/${FORMATS.rss.file}`, atom: `${base}/${FORMATS.atom.file}` },
  });
}

/** RSS titles are plain text in CDATA; the library ends CDATA at the first "]]>" only. */
const rssTitle = (title: string) => xmlSafe(title).replaceAll(']]>', ']] >');

export function renderRss(view: View): string {
  const feed = xmlFeed(view);
  for (const entry of prepared(view)) {
    const first = entry.images[0];
    const item: Item = {
      title: rssTitle(entry.title),
      id: entry.id,
      link: entry.url,
      date: entry.item.publishedAt,
      published: entry.item.publishedAt,
      // Website widgets often read only <description>, so it carries the whole item too.
      description: xmlSafe(entry.html),
      content: xmlSafe(entry.html),
    };
    if (first) item.enclosure = { url: first.url, type: first.mime, length: first.size };
    feed.addItem(item);
  }
  return feed.rss2();
}

export function renderAtom(view: View): string {
  const feed = xmlFeed(view);
  for (const entry of prepared(view)) {
    const first = entry.images[0];
    const item: Item = {
      // Atom titles are declared type="html" by the library, so they are escaped like content.
      title: escapeHtml(xmlSafe(entry.title)),
      id: entry.id,
      link: entry.url,
      date: entry.item.publishedAt,
      published: entry.item.publishedAt,
      content: xmlSafe(entry.html),
    };
    if (first) item.image = { url: first.url, length: first.size };
    feed.addItem(item);
  }
  return feed.atom1();
}

/**
 * JSON Feed 1.1 by hand: the library writes version 1 without attachments, language or
 * content_text, and the format is plain JSON, so there is nothing to escape beyond JSON.
 */
export function renderJsonFeed(view: View): string {
  const { settings } = view.channel;
  const base = channelBase(view.publicUrl, view.channel.id);
  const author = { name: settings.title, url: settings.siteUrl };
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: settings.title,
    home_page_url: settings.siteUrl,
    feed_url: `${base}/${FORMATS.json.file}`,
    ...(settings.description && { description: settings.description }),
    language: settings.language,
    authors: [author],
    items: prepared(view).map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: entry.html,
      content_text: entry.item.text,
      date_published: entry.item.publishedAt.toISOString(),
      ...(entry.item.language && { language: entry.item.language }),
      ...(entry.images[0] && { image: entry.images[0].url }),
      ...(entry.images.length > 0 && {
        attachments: entry.images.map((image) => ({
          url: image.url,
          mime_type: image.mime,
          size_in_bytes: image.size,
          ...(image.alt && { title: image.alt }),
        })),
      }),
    })),
  });
}

export const RENDERERS: Record<FeedFormat, (view: View) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};
