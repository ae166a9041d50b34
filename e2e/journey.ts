import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import startServer from './global-setup.ts';

export type Journey = { baseUrl: string; browser: Browser; page: Page; close(): Promise<void> };

/** The product on a fresh data dir (with `env` added) and Chromium with one German desktop page. */
export async function startJourney(env: Record<string, string> = {}): Promise<Journey> {
  let baseUrl = '';
  const project = { provide: (_key: 'baseUrl', value: string) => (baseUrl = value) };
  const [stopServer, browser] = await Promise.all([
    startServer(project as unknown as Parameters<typeof startServer>[0], env),
    launch(),
  ]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  return {
    baseUrl,
    browser,
    page,
    async close() {
      await browser.close();
      await stopServer();
    },
  };
}

/** Raw bytes for an upload (images, evidence), sent with their content type. */
export type RawBody = { type: string; bytes: Buffer };

/**
 * The API as a signed-in page calls it (session cookie + CSRF token), for set-up a journey does
 * not test. Throws with the answer on anything but 2xx.
 */
export async function apiCall<T>(on: Page, method: string, url: string, body?: unknown, raw?: RawBody): Promise<T> {
  const result = await on.evaluate(
    async ({ method, url, body, raw }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const response = await fetch(`/api${url}`, {
        method,
        headers: { 'content-type': raw?.type ?? 'application/json', 'x-csrf-token': session.csrfToken },
        body: raw ? new Uint8Array(raw.bytes) : body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, data: text ? JSON.parse(text) : null };
    },
    { method, url, body, raw: raw && { type: raw.type, bytes: [...raw.bytes] } },
  );
  if (result.status >= 300) throw new Error(`${method} ${url}: ${result.status} ${JSON.stringify(result.data)}`);
  return result.data as T;
}
