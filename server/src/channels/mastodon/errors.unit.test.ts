import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonFake, startMastodonFake } from '../../test/mastodon-contract-fake.ts';
import { AuthError, RejectedError, TransientError } from '../contract.ts';
import { mastodonAdapter } from './adapter.ts';
import { contextFor, fastAdapter, image, post } from './test-support.ts';

// How the instance's failures reach the engine: AuthError (re-connect), TransientError (retry,
// with the instance's own wait time) or RejectedError (show the instance's reason). The token
// appears in none of them.

let fake: MastodonFake;
const adapter = fastAdapter();

beforeAll(async () => {
  fake = await startMastodonFake();
});
afterAll(() => fake.close());

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as Error);

function expectNoToken(error: unknown, token: string) {
  expect(`${(error as Error).message} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain(token);
}

describe('Mastodon errors', () => {
  it('401 for a revoked token ⇒ AuthError with the instance’s text', async () => {
    const ctx = await contextFor(fake, 'revoked');
    fake.revokeToken(ctx.credentials.accessToken as string);
    const error = await failure(adapter.publish(post(), ctx));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).networkMessage).toBe('The access token is invalid');
    expectNoToken(error, ctx.credentials.accessToken as string);
  });

  it('a token without write scope ⇒ AuthError (403)', async () => {
    const ctx = await contextFor(fake, 'readonly');
    ctx.credentials.accessToken = fake.issueToken('readonly', ['read']);
    const error = await failure(adapter.publish(post(), ctx));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).networkMessage).toBe('This action is outside the authorized scopes');
  });

  it('429 ⇒ TransientError carrying Retry-After', async () => {
    const ctx = await contextFor(fake, 'limited');
    fake.setRetryAfter(120);
    fake.failNext(1, 429, undefined, 'POST /api/v1/statuses');
    const error = await failure(adapter.publish(post(), ctx));
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).networkMessage).toBe('Too many requests');
    expect((error as TransientError).retryAfterMs).toBe(120_000);
    fake.setRetryAfter(30);
  });

  it('429 from the documented per-account limit ⇒ retry when X-RateLimit-Reset says', async () => {
    const limited = await startMastodonFake({ rateLimit: { max: 2, windowSeconds: 300 } });
    try {
      const ctx = await contextFor(limited, 'busy');
      await adapter.publish(post({ parts: ['eins'] }), ctx);
      await adapter.publish(post({ parts: ['zwei'] }), ctx);
      const error = await failure(adapter.publish(post({ parts: ['drei'] }), ctx));
      expect(error).toBeInstanceOf(TransientError);
      expect((error as TransientError).retryAfterMs).toBeGreaterThan(290_000);
      expect((error as TransientError).retryAfterMs).toBeLessThanOrEqual(300_000);
    } finally {
      await limited.close();
    }
  });

  it('503, an HTML 502 and a dropped connection ⇒ TransientError', async () => {
    const ctx = await contextFor(fake, 'flaky');
    for (const what of [503, 502, 'reset'] as const) {
      fake.failNext(1, what);
      const error = await failure(adapter.publish(post(), ctx));
      expect(error).toBeInstanceOf(TransientError);
      expectNoToken(error, ctx.credentials.accessToken as string);
    }
    expect(fake.statuses('flaky')).toHaveLength(0);
  });

  it('an instance slower than the timeout ⇒ TransientError', async () => {
    const slow = await startMastodonFake({ latencyMs: 300 });
    try {
      const ctx = await contextFor(slow, 'slow');
      const error = await failure(mastodonAdapter({ timeoutMs: 50 }).publish(post(), ctx));
      expect(error).toBeInstanceOf(TransientError);
      expect((error as Error).message).toBe('instance did not answer in time');
    } finally {
      await slow.close();
    }
  });

  it('stops waiting for image processing when the job is aborted', async () => {
    fake.setMediaPolls(1000);
    try {
      const controller = new AbortController();
      const ctx = await contextFor(fake, 'aborted', controller.signal);
      setTimeout(() => controller.abort(), 50);
      const slowPolls = mastodonAdapter({ mediaPollDelaysMs: Array(100).fill(20) });
      const error = await failure(slowPolls.publish(post({ media: [image('alt')] }), ctx));
      expect(error).toBeInstanceOf(TransientError);
      expect(fake.statuses('aborted')).toHaveLength(0);
    } finally {
      fake.setMediaPolls(0);
    }
  });

  it('422 for an image the instance refuses ⇒ RejectedError with its text', async () => {
    const ctx = await contextFor(fake, 'toolarge');
    fake.setLimits({ imageSizeLimit: 5 });
    try {
      const error = await failure(adapter.publish(post({ media: [image('zu groß')] }), ctx));
      expect(error).toBeInstanceOf(RejectedError);
      expect((error as RejectedError).networkMessage).toBe(
        'Validation failed: File file size must be less than 5 Bytes',
      );
    } finally {
      fake.setLimits({ imageSizeLimit: 16 * 1024 * 1024 });
    }
  });
});
