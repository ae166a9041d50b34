import { mastodonCount } from '@nahbar/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonFake, startMastodonFake } from '../../test/mastodon-contract-fake.ts';
import { RejectedError, TransientError } from '../contract.ts';
import { readInstance } from './instance.ts';
import { contextFor, fastAdapter, image, post } from './test-support.ts';

// Publishing to the Mastodon contract fake: media with alt text through the documented
// 202 → 206 → 200 processing path, post options, instance limits, threads, idempotency.

let fake: MastodonFake;
const adapter = fastAdapter();

beforeAll(async () => {
  fake = await startMastodonFake();
});
afterAll(() => fake.close());

describe('Mastodon publish', () => {
  it('uploads two images with their alt texts, waits out processing, and attaches them', async () => {
    fake.setMediaPolls(2);
    try {
      const ctx = await contextFor(fake, 'kita-sonnenschein');
      const pollsBefore = fake.requests('GET /api/v1/media/:id');
      const published = await adapter.publish(
        post({ media: [image('Kinder malen im Garten'), image('Ein Drache aus Papier', 'image/jpeg')] }),
        ctx,
      );
      const [status] = fake.statuses('kita-sonnenschein');
      expect(status?.id).toBe(published.remoteId);
      expect(status?.media.map((m) => [m.mime, m.description])).toEqual([
        ['image/png', 'Kinder malen im Garten'],
        ['image/jpeg', 'Ein Drache aus Papier'],
      ]);
      // Each image: 206, 206, then 200.
      expect(fake.requests('GET /api/v1/media/:id') - pollsBefore).toBe(6);
      expect(published.url).toBe(`${fake.url}/@kita-sonnenschein/${published.remoteId}`);
    } finally {
      fake.setMediaPolls(0);
    }
  });

  it('sends visibility, content warning (as sensitive) and language', async () => {
    const ctx = await contextFor(fake, 'beratung');
    await adapter.publish(post({ visibility: 'unlisted', contentWarning: 'Thema: Sucht', language: 'de-DE' }), ctx);
    const [status] = fake.statuses('beratung');
    expect(status).toMatchObject({
      visibility: 'unlisted',
      spoilerText: 'Thema: Sucht',
      sensitive: true,
      language: 'de',
    });

    await adapter.publish(post({ visibility: 'private', language: null }), ctx);
    expect(fake.statuses('beratung')[1]).toMatchObject({ visibility: 'private', spoilerText: '', sensitive: false });
  });

  it('reads the limits from /api/v2/instance and is refused with the network’s text above them', async () => {
    fake.setLimits({ maxCharacters: 1000, maxMediaAttachments: 6, imageSizeLimit: 8_000_000 });
    try {
      const ctx = await contextFor(fake, 'quartier');
      expect(adapter.capabilities(ctx.settings)).toMatchObject({
        maxChars: 1000,
        maxImages: 6,
        maxImageBytes: 8_000_000,
        counting: 'mastodon',
      });
      await adapter.publish(post({ parts: ['a'.repeat(900)] }), ctx);
      expect(fake.statuses('quartier')).toHaveLength(1);
    } finally {
      fake.setLimits({ maxCharacters: 500, maxMediaAttachments: 4, imageSizeLimit: 16 * 1024 * 1024 });
    }
    const ctx = await contextFor(fake, 'quartier');
    expect(adapter.capabilities(ctx.settings).maxChars).toBe(500);
    const error = await adapter.publish(post({ parts: ['a'.repeat(501)] }), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedError);
    expect((error as RejectedError).networkMessage).toBe('Validation failed: Text character limit of 500 exceeded');
    expect(fake.statuses('quartier')).toHaveLength(1);
  });

  it('falls back to /api/v1/instance only when v2 is missing', async () => {
    fake.setInstanceV2(false);
    fake.setLimits({ maxCharacters: 640 });
    try {
      const settings = await readInstance(`${fake.url}/some/page`);
      expect(settings).toMatchObject({ instanceUrl: fake.url, maxChars: 640, domain: new URL(fake.url).host });
    } finally {
      fake.setInstanceV2(true);
      fake.setLimits({ maxCharacters: 500 });
    }
  });

  it('counts a long URL as 23 characters, as the instance does', async () => {
    const text = `${'a'.repeat(470)} https://example.org/${'pfad/'.repeat(40)}`;
    expect(mastodonCount(text)).toBe(494);
    const ctx = await contextFor(fake, 'links');
    await adapter.publish(post({ parts: [text] }), ctx);
    expect(fake.statuses('links')[0]?.text).toBe(text);
  });

  it('posts a thread as a reply chain', async () => {
    const ctx = await contextFor(fake, 'thread');
    const published = await adapter.publish(post({ parts: ['Teil eins', 'Teil zwei', 'Teil drei'] }), ctx);
    const statuses = fake.statuses('thread');
    expect(statuses.map((s) => s.text)).toEqual(['Teil eins', 'Teil zwei', 'Teil drei']);
    expect(statuses.map((s) => s.inReplyToId)).toEqual([null, statuses[0]?.id, statuses[1]?.id]);
    expect(published.parts).toEqual(statuses.map((s) => s.id));
    expect(published.remoteId).toBe(statuses[0]?.id);
  });

  it('answered 502 after the instance created the post: the retry with the same key creates nothing new', async () => {
    const ctx = await contextFor(fake, 'idempotent');
    const input = post({ parts: ['Einmal und nur einmal', 'Mit Fortsetzung'] });
    fake.acceptThenFail(1);
    const error = await adapter.publish(input, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(fake.statuses('idempotent')).toHaveLength(1);

    const published = await adapter.publish(input, ctx);
    const statuses = fake.statuses('idempotent');
    expect(statuses.map((s) => s.text)).toEqual(['Einmal und nur einmal', 'Mit Fortsetzung']);
    expect(published.parts).toEqual(statuses.map((s) => s.id));
    expect(statuses.map((s) => s.idempotencyKey)).toEqual([`${input.idempotencyKey}:0`, `${input.idempotencyKey}:1`]);
  });

  it('completes a thread whose later parts failed, without repeating the earlier ones', async () => {
    const ctx = await contextFor(fake, 'resume');
    const input = post({ parts: ['Erster Teil', 'Zweiter Teil', 'Dritter Teil'] });
    fake.failNext(1, 'reset', undefined, 'POST /api/v1/statuses');
    await expect(adapter.publish(input, ctx)).rejects.toBeInstanceOf(TransientError);
    // The first part made it before the connection broke on the next one.
    await adapter.publish({ ...input, parts: input.parts.slice(0, 1) }, ctx);
    fake.failNext(1, 503, undefined, 'POST /api/v1/statuses');
    await expect(adapter.publish(input, ctx)).rejects.toBeInstanceOf(TransientError);

    const published = await adapter.publish(input, ctx);
    const statuses = fake.statuses('resume');
    expect(statuses.map((s) => s.text)).toEqual(input.parts);
    expect(published.parts).toEqual(statuses.map((s) => s.id));
  });

  it('refuses an image type the instance does not take, before uploading', async () => {
    const ctx = await contextFor(fake, 'bmp');
    const uploads = fake.requests('POST /api/v2/media');
    const error = await adapter.publish(post({ media: [image('alt', 'image/bmp')] }), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedError);
    expect(fake.requests('POST /api/v2/media')).toBe(uploads);
    expect(fake.statuses('bmp')).toHaveLength(0);
  });
});
