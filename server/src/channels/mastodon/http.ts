import { errorFromStatus, TransientError } from '../contract.ts';

// One fetch wrapper for every Mastodon call: timeouts, the caller's abort signal, and the
// mapping of answers to the contract's typed errors. The access token goes only into the
// Authorization header; no message built here contains it (nor the URL's query, which can hold
// OAuth codes).

export const REQUEST_TIMEOUT_MS = 30_000;

export type MastodonCall = {
  method?: 'GET' | 'POST' | 'DELETE';
  token?: string;
  json?: unknown;
  form?: FormData | URLSearchParams;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  /** Statuses answered as results instead of errors (404 on delete means "already gone"). */
  allow?: number[];
};

export type MastodonAnswer<T> = { status: number; body: T; headers: Headers };

/** The instance's origin, whatever the user typed after it. */
export function instanceOrigin(instanceUrl: string): string {
  return new URL(instanceUrl).origin;
}

export async function mastodonFetch<T>(
  instanceUrl: string,
  path: string,
  call: MastodonCall = {},
): Promise<MastodonAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | FormData | URLSearchParams | undefined = call.form;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  }
  const timeout = AbortSignal.timeout(call.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${instanceOrigin(instanceUrl)}${path}`, {
      method: call.method ?? 'GET',
      headers,
      body,
      signal,
    });
    text = await response.text();
  } catch {
    // fetch's own errors carry no secrets, but say nothing the user could act on either.
    if (call.signal?.aborted) throw new TransientError('request aborted');
    if (timeout.aborted) throw new TransientError('instance did not answer in time');
    throw new TransientError('instance unreachable');
  }
  const parsed = parseJson(text);
  if (response.ok || call.allow?.includes(response.status)) {
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  const retryAfter = response.headers.get('retry-after') ?? response.headers.get('x-ratelimit-reset');
  throw errorFromStatus(response.status, networkMessage(parsed), retryAfter);
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Mastodon says `{"error": "..."}`; its OAuth endpoints add a readable `error_description`. */
function networkMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const { error, error_description: description } = body as { error?: unknown; error_description?: unknown };
  if (typeof description === 'string' && description) return description;
  return typeof error === 'string' && error ? error : null;
}
