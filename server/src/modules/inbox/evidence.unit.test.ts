import { describe, expect, it } from 'vitest';
import { evidenceFilename, renderEvidenceHtml, type Snapshot, sha256Hex } from './evidence.ts';

const hostile: Snapshot = {
  organisation: 'Jugendhilfe Nord & Süd',
  timeZone: 'Europe/Berlin',
  channel: 'Bluesky Hauptkonto',
  network: 'bluesky',
  item: {
    id: '4f1c0e7e-0000-4000-8000-000000000001',
    kind: 'reply',
    remoteId: 'at://did:plc:troll/app.bsky.feed.post/3k',
    url: 'https://bsky.app/profile/troll.example/post/3k',
    text: 'Ihr seid alle <script>alert("x")</script> <img src=x onerror=alert(1)>',
    authorId: 'did:plc:troll',
    authorHandle: 'troll.example',
    authorName: 'Troll "<b>"',
    receivedAt: new Date('2025-01-15T23:30:00Z'),
    raw: { text: '<script>steal()</script>', reply: { root: { uri: 'at://x' } } },
  },
  action: 'hide',
  reason: 'Beleidigung </td><script>',
  capturedAt: new Date('2025-01-16T08:05:00Z'),
  capturedBy: 'Erika Editor <erika@example.org>',
};

describe('evidence snapshot', () => {
  const html = renderEvidenceHtml(hostile);

  it('never carries a script or an element from the comment, only its escaped text', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('loads nothing from outside: no src, href or url() at all, and a strict policy', () => {
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('names organisation, channel, author handle and id, URL, reason and who captured it', () => {
    for (const text of [
      'Jugendhilfe Nord &amp; Süd',
      'Bluesky Hauptkonto (bluesky)',
      '@troll.example',
      'did:plc:troll',
      'https://bsky.app/profile/troll.example/post/3k',
      'Beleidigung &lt;/td&gt;&lt;script&gt;',
      'Erika Editor &lt;erika@example.org&gt;',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('gives the times in UTC and in the organisation’s zone (after midnight in Berlin)', () => {
    expect(html).toContain('2025-01-15T23:30:00.000Z UTC');
    expect(html).toMatch(/Donnerstag, 16\. Januar 2025 um 00:30:00 MEZ \(Europe\/Berlin\)/);
    expect(html).toContain('2025-01-16T08:05:00.000Z UTC');
  });

  it('keeps the raw record pretty-printed and escaped', () => {
    expect(html).toContain('  &quot;text&quot;: &quot;&lt;script&gt;steal()&lt;/script&gt;&quot;');
  });

  it('hashes the page byte for byte', () => {
    expect(sha256Hex(html)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex(html)).toBe(sha256Hex(renderEvidenceHtml(hostile)));
    expect(sha256Hex(html)).not.toBe(sha256Hex(renderEvidenceHtml({ ...hostile, reason: 'anders' })));
  });

  it('names the download by date and author, without characters a file system refuses', () => {
    expect(evidenceFilename({ capturedAt: hostile.capturedAt, authorHandle: 'a/b\\c"d.example' })).toBe(
      'beweissicherung-2025-01-16-a_b_c_d.example.html',
    );
  });
});
