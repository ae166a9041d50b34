import { XRPCError } from '@atproto/api';
import { describe, expect, test } from 'vitest';
import { AuthError, RejectedError, TransientError } from '../contract.ts';
import { blueskyError } from './errors.ts';

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('blueskyError', () => {
  test('a wrong app password is an AuthError with the PDS message', () => {
    const error = blueskyError(new XRPCError(401, 'AuthenticationRequired', 'Invalid identifier or password'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.networkMessage).toBe('Invalid identifier or password');
  });

  test('expired tokens and taken-down accounts need a reconnect', () => {
    expect(blueskyError(new XRPCError(400, 'ExpiredToken', 'Token has expired'))).toBeInstanceOf(AuthError);
    const takedown = blueskyError(new XRPCError(400, 'AccountTakedown', 'Account has been taken down'));
    expect(takedown).toBeInstanceOf(AuthError);
    expect(takedown.networkMessage).toBe('Account has been taken down');
  });

  test('429 waits until the ratelimit-reset epoch second', () => {
    const reset = String(now / 1000 + 90);
    const error = blueskyError(
      new XRPCError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', { 'ratelimit-reset': reset }),
      now,
    );
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryAfterMs).toBe(90_000);
  });

  test('429 without a header still retries, without a fixed time', () => {
    const error = blueskyError(new XRPCError(429, 'RateLimitExceeded', 'slow down'), now);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryAfterMs).toBeNull();
  });

  test('server errors and lost connections are transient', () => {
    expect(blueskyError(new XRPCError(502, 'UpstreamFailure', 'bad gateway'))).toBeInstanceOf(TransientError);
    expect(blueskyError(new XRPCError(500, 'InternalServerError', 'oops'))).toBeInstanceOf(TransientError);
    expect(blueskyError(new XRPCError(1, undefined, 'fetch failed'))).toBeInstanceOf(TransientError);
    expect(blueskyError(new TypeError('fetch failed'))).toBeInstanceOf(TransientError);
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(blueskyError(timeout)).toBeInstanceOf(TransientError);
  });

  test('an invalid record is rejected with the PDS reason', () => {
    const message = 'Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text';
    const error = blueskyError(new XRPCError(400, 'InvalidRequest', message));
    expect(error).toBeInstanceOf(RejectedError);
    expect(error.networkMessage).toBe(message);
  });

  test('errors that are already typed pass through', () => {
    const rejected = new RejectedError('too big', 'image too large');
    expect(blueskyError(rejected)).toBe(rejected);
  });
});
