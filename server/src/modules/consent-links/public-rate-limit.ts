import { AppError, type ErrorCode } from '../../http/errors.ts';

// The public link routes answer without a session, so they are limited per IP address: a
// token has 256 random bits and cannot be guessed, but nobody should be able to hammer the
// database through these routes either. Like sign-in, failed look-ups (unknown, expired or
// used tokens) count much more tightly than ordinary use. Counted in this process's memory:
// the link routes write nothing for a stranger's miss, and every web process keeps its own
// count (n processes allow n times the limit, still far from guessing a token).

export type PublicLimits = { windowMs: number; maxFailures: number; maxRequests: number };

export const PUBLIC_LINK_LIMITS: PublicLimits = { windowMs: 15 * 60_000, maxFailures: 20, maxRequests: 300 };

type Counter = { windowStart: number; failures: number; requests: number };

export type PublicRateLimit = {
  /** Before anything is looked up: throws rate_limited when this address is over a limit. */
  check(ip: string): void;
  /** After a miss (404 or 410). */
  fail(ip: string): void;
  /**
   * Runs one public request: checks the address first, counts a miss when `run` throws not_found
   * or one of `missCodes`. The token itself is never logged or echoed.
   */
  guard<T>(ip: string | undefined, missCodes: readonly ErrorCode[], run: () => Promise<T>): Promise<T>;
};

export function publicRateLimit(clock: () => Date, limits: PublicLimits = PUBLIC_LINK_LIMITS): PublicRateLimit {
  const counters = new Map<string, Counter>();
  const counter = (ip: string): Counter => {
    const now = clock().getTime();
    let c = counters.get(ip);
    if (!c || now - c.windowStart >= limits.windowMs) {
      c = { windowStart: now, failures: 0, requests: 0 };
      counters.set(ip, c);
      // Old windows go when the map grows, so a scan over many addresses cannot fill memory.
      if (counters.size > 10_000) {
        for (const [key, value] of counters) if (now - value.windowStart >= limits.windowMs) counters.delete(key);
      }
    }
    return c;
  };
  return {
    check(ip) {
      const c = counter(ip);
      c.requests += 1;
      if (c.failures >= limits.maxFailures || c.requests > limits.maxRequests) {
        const retryAfter = Math.ceil((c.windowStart + limits.windowMs - clock().getTime()) / 1000);
        throw new AppError('rate_limited', undefined, { 'retry-after': String(Math.max(retryAfter, 1)) });
      }
    },
    fail(ip) {
      counter(ip).failures += 1;
    },
    async guard(ip, missCodes, run) {
      const address = ip ?? 'unknown';
      this.check(address);
      try {
        return await run();
      } catch (error) {
        if (error instanceof AppError && (error.code === 'not_found' || missCodes.includes(error.code))) {
          this.fail(address);
        }
        throw error;
      }
    },
  };
}
