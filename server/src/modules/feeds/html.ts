import { URL_PATTERN } from '@nahbar/common';
import type { FeedImage } from './service.ts';

// Post texts are plain text written by people; everything that turns them into HTML or XML
// escapes first, so a "<script>" in a post is shown as text on every website and reader.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** XML 1.0 forbids most control characters and lone surrogates; one pasted one breaks a feed. */
export function xmlSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those is the point
  return text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function linkify(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(new RegExp(URL_PATTERN.source, URL_PATTERN.flags))) {
    const url = escapeHtml(match[0]);
    html += `${escapeHtml(line.slice(last, match.index))}<a href="${url}">${url}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(line.slice(last));
}

/** Blank lines make paragraphs, single line breaks <br>, web addresses links. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${paragraph.split('\n').map(linkify).join('<br>')}</p>`)
    .join('\n');
}

export function imagesToHtml(images: FeedImage[], urlOf: (image: FeedImage) => string): string {
  return images
    .map(
      (image) =>
        `<p><img src="${escapeHtml(urlOf(image))}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}"></p>`,
    )
    .join('\n');
}

const TITLE_GRAPHEMES = 80;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A headline for readers that list titles: the first line, cut at a word near 80 characters. */
export function itemTitle(text: string, fallback: string): string {
  const firstLine = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  if (!firstLine) return fallback;
  const graphemes = [...segmenter.segment(firstLine)].map((s) => s.segment);
  if (graphemes.length <= TITLE_GRAPHEMES) return firstLine;
  const cut = graphemes.slice(0, TITLE_GRAPHEMES - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length >= TITLE_GRAPHEMES / 2 ? atWord : cut}…`;
}

/** The item's date as people at the organisation read it. */
export function formatLocalDate(date: Date, language: string, timeZone: string): string {
  const locale = language.startsWith('en') ? 'en-GB' : 'de-DE';
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  } catch {
    // An unknown zone name must not take the page down; UTC is still a true statement.
    return `${new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date)} UTC`;
  }
}
