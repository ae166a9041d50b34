import { describe, expect, it } from 'vitest';
import { type AdapterContext, type PublishInput, RejectedError } from '../contract.ts';
import { feedAdapter } from './adapter.ts';

const ctx: AdapterContext = {
  credentials: {},
  // As the connect flow stores it: description null when none was given.
  settings: {
    title: 'Jugendtreff Nord',
    siteUrl: 'https://jugendtreff.example.org',
    description: null,
    language: 'de',
  },
  channelId: '7d1f7a8e-2f53-4a5e-9d0b-4f1f7c3a9b10',
  publicUrl: 'https://nahbar.example.org/',
};

const input = (overrides: Partial<PublishInput> = {}): PublishInput => ({
  idempotencyKey: '0b6f3c52-1d8e-4c4a-a1f7-5b2f0b7f9e21',
  parts: ['Sommerfest am Samstag'],
  media: [],
  language: 'de',
  contentWarning: null,
  visibility: 'public',
  createdAt: new Date('2025-06-01T10:00:00Z'),
  ...overrides,
});

const itemUrl = `https://nahbar.example.org/feeds/${ctx.channelId}/items/0b6f3c52-1d8e-4c4a-a1f7-5b2f0b7f9e21`;

describe('feed adapter', () => {
  it('names the website the feed belongs to without any network call', async () => {
    expect(await feedAdapter().verify(ctx)).toEqual({
      id: ctx.channelId,
      handle: 'jugendtreff.example.org',
      displayName: 'Jugendtreff Nord',
      url: 'https://jugendtreff.example.org',
    });
  });

  it('offers a long single text with four described images and no threads', () => {
    const capabilities = feedAdapter().capabilities(ctx.settings);
    expect(capabilities).toMatchObject({
      maxChars: 5000,
      counting: 'graphemes',
      maxImages: 4,
      maxImageBytes: 15 * 1024 * 1024,
      altText: true,
      threads: false,
      contentWarning: false,
      remove: true,
    });
    expect(capabilities.rateLimit.max).toBeGreaterThanOrEqual(1000);
  });

  it('publishes under the target id, the same item however often it is asked', async () => {
    const adapter = feedAdapter();
    const first = await adapter.publish(input(), ctx);
    expect(first).toEqual({ remoteId: input().idempotencyKey, url: itemUrl, parts: [input().idempotencyKey] });
    expect(await adapter.publish(input(), ctx)).toEqual(first);
    expect(await adapter.find(input(), ctx, new Date())).toEqual(first);
    await expect(adapter.remove(first, ctx)).resolves.toBeUndefined();
  });

  it('refuses what the feed cannot show instead of cutting it', async () => {
    const adapter = feedAdapter();
    // Two parts joined with a blank line: 2 × 2499 + 2 = 5000 characters still fit.
    await expect(adapter.publish(input({ parts: ['a'.repeat(2499), 'b'.repeat(2499)] }), ctx)).resolves.toBeTruthy();
    await expect(adapter.publish(input({ parts: ['a'.repeat(2500), 'b'.repeat(2500)] }), ctx)).rejects.toThrow(
      RejectedError,
    );
    const image = { id: 'm', mime: 'image/jpeg', bytes: Buffer.alloc(1), alt: 'Bild', width: 1, height: 1 };
    await expect(adapter.publish(input({ media: Array(5).fill(image) }), ctx)).rejects.toThrow(RejectedError);
  });

  it('reports a channel without a title or website as refused, not as a login problem', async () => {
    const broken = { ...ctx, settings: { title: '', siteUrl: 'kein-link' } };
    await expect(feedAdapter().verify(broken)).rejects.toThrow(RejectedError);
    await expect(feedAdapter().publish(input(), broken)).rejects.toThrow(RejectedError);
  });
});
