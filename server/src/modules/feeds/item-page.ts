import { FORMATS, mediaPath } from './formats.ts';
import { escapeHtml, formatLocalDate, imagesToHtml, itemTitle, textToHtml } from './html.ts';
import type { FeedChannel, FeedItem } from './service.ts';

/** Nothing runs on the page and nothing loads but its own images: it shows people's posts. */
export const ITEM_PAGE_CSP =
  "default-src 'none'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TEXTS = {
  de: { published: 'Veröffentlicht', website: 'Zur Website', subscribe: 'Als Feed abonnieren' },
  en: { published: 'Published', website: 'To the website', subscribe: 'Subscribe to the feed' },
};

/** A standalone page for one item: the address feed readers and search engines link to. */
export function renderItemPage(channel: FeedChannel, item: FeedItem): string {
  const { settings } = channel;
  const language = item.language ?? settings.language;
  const texts = settings.language.startsWith('en') ? TEXTS.en : TEXTS.de;
  const date = formatLocalDate(item.publishedAt, settings.language, channel.timeZone);
  const title = itemTitle(item.text, item.images[0]?.alt || date);
  const feedPath = `/feeds/${channel.id}`;
  // Relative image paths: the page's own origin, whatever name the proxy gives it.
  const images = imagesToHtml(item.images, (image) => mediaPath(channel.id, image));
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(settings.title)}</title>
<link rel="alternate" type="application/rss+xml" title="${escapeHtml(settings.title)}" href="${feedPath}/${FORMATS.rss.file}">
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(settings.title)}" href="${feedPath}/${FORMATS.atom.file}">
<link rel="alternate" type="application/feed+json" title="${escapeHtml(settings.title)}" href="${feedPath}/${FORMATS.json.file}">
</head>
<body>
<header><p><a href="${escapeHtml(settings.siteUrl)}">${escapeHtml(settings.title)}</a></p></header>
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p>${texts.published}: <time datetime="${item.publishedAt.toISOString()}">${escapeHtml(date)}</time></p>
${textToHtml(item.text)}
${images}
</article>
</main>
<footer>
<p><a href="${escapeHtml(settings.siteUrl)}">${texts.website}: ${escapeHtml(settings.title)}</a></p>
<p><a href="${feedPath}/${FORMATS.rss.file}">${texts.subscribe}</a></p>
</footer>
</body>
</html>
`;
}
