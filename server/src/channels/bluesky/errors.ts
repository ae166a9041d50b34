import { XRPCError } from '@atproto/api';
import {
  type AnyChannelError,
  AuthError,
  isChannelError,
  parseRetryAfter,
  RejectedError,
  TransientError,
} from '../contract.ts';

// XRPC error names that mean "these credentials no longer work": retrying will not help,
// the owner has to reconnect the channel (new app password, account back from a takedown).
const AUTH_ERRORS = new Set([
  'AuthenticationRequired',
  'ExpiredToken',
  'InvalidToken',
  'AccountTakedown',
  'AccountDeactivated',
  'AuthFactorTokenRequired',
]);

/** Maps whatever @atproto/api threw to the contract's typed errors, keeping the PDS's words. */
export function blueskyError(error: unknown, now = Date.now()): AnyChannelError {
  if (isChannelError(error)) return error;
  if (error instanceof XRPCError) return fromXrpc(error, now);
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new TransientError('request timed out', error.message);
  }
  // Anything else (DNS failure, connection reset) happened before the PDS could answer.
  return new TransientError('network error', error instanceof Error ? error.message : String(error));
}

function fromXrpc(error: XRPCError, now: number): AnyChannelError {
  const text = error.message || error.error || `HTTP ${error.status}`;
  const status = error.status as number;
  if (status === 401 || status === 403 || AUTH_ERRORS.has(error.error)) {
    return new AuthError(`rejected credentials (${error.error || status})`, text);
  }
  if (status === 429) {
    const reset = header(error, 'ratelimit-reset') ?? header(error, 'retry-after');
    return new TransientError('rate limited', text, parseRetryAfter(reset, now));
  }
  // 1 = no response at all (network), 2 = answer that did not match the lexicon.
  if (status >= 500 || status === 408 || status < 100) {
    return new TransientError(`server error (${error.error || status})`, text);
  }
  return new RejectedError(`refused (${error.error || status})`, text);
}

function header(error: XRPCError, name: string): string | null {
  const headers = error.headers ?? {};
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value ?? null;
  }
  return null;
}
