import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testVideo } from '../../modules/media/test-video.ts';
import { type MastodonFake, startMastodonFake } from '../../test/mastodon-contract-fake.ts';
import { type MediaFile, RejectedError } from '../contract.ts';
import { contextFor, fastAdapter, image, post } from './test-support.ts';

// A video through POST /api/v2/media: always processed in the background (202, then 206 until
// done), attached alone. Per docs.joinmastodon.org/methods/media and PostStatusService.

let fake: MastodonFake;
const adapter = fastAdapter();

beforeAll(async () => {
  fake = await startMastodonFake();
});
afterAll(() => fake.close());

function video(alt: string): MediaFile {
  const bytes = testVideo();
  return {
    id: randomUUID(),
    kind: 'video',
    mime: 'video/mp4',
    bytes,
    alt,
    width: 640,
    height: 360,
    durationMs: 12_500,
  };
}

describe('Mastodon video', () => {
  it('uploads the video with its description, waits for processing, then posts it', async () => {
    const ctx = await contextFor(fake, 'jugendtreff-video');
    const polls = fake.requests('GET /api/v1/media/:id');
    const published = await adapter.publish(post({ media: [video('Rundgang durch den Treff')] }), ctx);
    const [status] = fake.statuses('jugendtreff-video');
    expect(status?.id).toBe(published.remoteId);
    expect(status?.media).toEqual([
      expect.objectContaining({ mime: 'video/mp4', description: 'Rundgang durch den Treff', size: testVideo().length }),
    ]);
    expect(fake.requests('GET /api/v1/media/:id') - polls).toBeGreaterThanOrEqual(1);
  });

  it('is refused by the instance beside images, with its reason', async () => {
    const ctx = await contextFor(fake, 'gemischt');
    const error = await adapter.publish(post({ media: [video('Video'), image('Bild')] }), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedError);
    expect((error as RejectedError).networkMessage).toMatch(
      /Cannot attach a video to a post that already contains images/,
    );
    expect(fake.statuses('gemischt')).toEqual([]);
  });
});
