// Mastodon gives a status back as HTML (paragraphs, <br />, links split into spans, mentions
// shortened to @user). To recognise our own post we turn both sides into the same plain form.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Status HTML → the text a reader sees. */
export function statusText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** Whitespace collapsed, Unicode composed, remote mentions as the instance shows them (@user). */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '$1@$2')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameText(html: string, text: string): boolean {
  return normaliseText(statusText(html)) === normaliseText(text);
}
