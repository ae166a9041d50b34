import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MastodonFake, startMastodonFake } from './mastodon-contract-fake.ts';

// The contract fake must behave as docs.joinmastodon.org documents, or adapter tests prove
// nothing. These pin the documented behaviours the adapter tests lean on.

let fake: MastodonFake;
beforeAll(async () => {
  fake = await startMastodonFake();
});
afterAll(() => fake.close());
afterEach(() => {
  vi.useRealTimers();
});

function api(token: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
    if (body instanceof URLSearchParams || body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${fake.url}${path}`, init);
    const text = await res.text();
    const json = res.headers.get('content-type')?.startsWith('application/json') && text ? JSON.parse(text) : null;
    return { status: res.status, headers: res.headers, json };
  };
  return call;
}

describe('Mastodon contract fake', () => {
  it('keeps an Idempotency-Key per account for one hour', async () => {
    const alice = api(fake.issueToken('idem-a'));
    const bob = api(fake.issueToken('idem-b'));
    const key = { 'idempotency-key': 'k1' };
    const first = await alice('POST', '/api/v1/statuses', { status: 'Hallo' }, key);
    const again = await alice('POST', '/api/v1/statuses', { status: 'Hallo anders' }, key);
    expect(again.json.id).toBe(first.json.id);
    expect((await bob('POST', '/api/v1/statuses', { status: 'Hallo' }, key)).json.id).not.toBe(first.json.id);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61 * 60_000 });
    const later = await alice('POST', '/api/v1/statuses', { status: 'Hallo' }, key);
    expect(later.json.id).not.toBe(first.json.id);
    expect(fake.statuses('idem-a')).toHaveLength(2);
  });

  it('validates like Mastodon: blank text, limit with spoiler text, graphemes, unknown token, scopes', async () => {
    const call = api(fake.issueToken('validate'));
    expect((await call('POST', '/api/v1/statuses', { status: '  ' })).json).toEqual({
      error: "Validation failed: Text can't be blank",
    });
    const over = await call('POST', '/api/v1/statuses', { status: 'a'.repeat(490), spoiler_text: 'x'.repeat(11) });
    expect(over.status).toBe(422);
    expect(over.json.error).toBe('Validation failed: Text character limit of 500 exceeded');
    // A family emoji is one grapheme (seven code points).
    expect((await call('POST', '/api/v1/statuses', { status: '👨‍👩‍👧‍👦'.repeat(500) })).status).toBe(200);
    expect(await api('nope')('GET', '/api/v1/accounts/verify_credentials')).toMatchObject({
      status: 401,
      json: { error: 'The access token is invalid' },
    });
    const readOnly = api(fake.issueToken('validate', ['read']));
    expect((await readOnly('POST', '/api/v1/statuses', { status: 'x' })).status).toBe(403);
    expect((await readOnly('GET', '/api/v1/accounts/verify_credentials')).status).toBe(200);
  });

  it('accepts form-encoded statuses with media_ids[] and refuses media still processing', async () => {
    const call = api(fake.issueToken('form'));
    fake.setMediaPolls(1);
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/png' }), 'a.png');
    form.append('description', 'Alt');
    const media = await call('POST', '/api/v2/media', form);
    expect(media).toMatchObject({ status: 202, json: { url: null, description: 'Alt' } });
    const early = new URLSearchParams([
      ['status', 'Bild'],
      ['media_ids[]', media.json.id],
    ]);
    expect((await call('POST', '/api/v1/statuses', early)).json.error).toMatch(/not finished processing/);
    expect((await call('GET', `/api/v1/media/${media.json.id}`)).status).toBe(206);
    expect((await call('GET', `/api/v1/media/${media.json.id}`)).status).toBe(200);
    const posted = await call('POST', '/api/v1/statuses', early);
    expect(posted.json.media_attachments[0]).toMatchObject({ id: media.json.id, description: 'Alt' });
    fake.setMediaPolls(0);
    const deleted = await call('DELETE', `/api/v1/statuses/${posted.json.id}`);
    expect(deleted.json.text).toBe('Bild');
    expect((await call('GET', `/api/v1/statuses/${posted.json.id}`)).status).toBe(404);
  });

  it('lists an account’s statuses newest first with limit, max_id, since_id, min_id and exclude_replies', async () => {
    const call = api(fake.issueToken('lister'));
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await call('POST', '/api/v1/statuses', { status: `s${i}` })).json.id);
    const reply = await call('POST', '/api/v1/statuses', { status: 'self reply', in_reply_to_id: ids[4] });
    await call('POST', '/api/v1/statuses', { status: 'private', visibility: 'private' });
    const path = `/api/v1/accounts/${fake.accountId('lister')}/statuses`;
    const texts = async (query: string, who = call) =>
      ((await who('GET', `${path}?${query}`)).json as { content: string }[]).map((s) =>
        s.content.replace(/<[^>]+>/g, ''),
      );

    expect(await texts('limit=3')).toEqual(['private', 'self reply', 's4']);
    expect(await texts(`max_id=${ids[2]}`)).toEqual(['s1', 's0']);
    expect(await texts(`since_id=${ids[2]}&limit=2`)).toEqual(['private', 'self reply']);
    expect(await texts(`min_id=${ids[2]}&limit=2`)).toEqual(['s4', 's3']);
    expect(await texts(`exclude_replies=true&limit=2`)).toEqual(['private', 'self reply']);
    expect(await texts('limit=2', api(fake.issueToken('stranger')))).toEqual(['self reply', 's4']);
    const page = await call('GET', `${path}?limit=2`);
    expect(page.json[1].id).toBe(reply.json.id);
    expect(page.headers.get('link')).toContain(`max_id=${reply.json.id}>; rel="next"`);
  });

  it('answers 429 in the documented shape and can create-then-fail for chaos runs', async () => {
    const call = api(fake.issueToken('chaos'));
    fake.failNext(1, 429);
    const limited = await call('GET', '/api/v1/accounts/verify_credentials');
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ error: 'Too many requests' });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Date.parse(limited.headers.get('x-ratelimit-reset') as string)).toBeGreaterThan(Date.now());
    expect(limited.headers.get('retry-after')).toBe('30');

    fake.setFailRate(1, ['accept-then-fail']);
    const failed = await call('POST', '/api/v1/statuses', { status: 'angekommen' }, { 'idempotency-key': 'c1' });
    fake.setFailRate(0);
    expect(failed.status).toBe(502);
    const retried = await call('POST', '/api/v1/statuses', { status: 'angekommen' }, { 'idempotency-key': 'c1' });
    expect(retried.status).toBe(200);
    expect(fake.statuses('chaos').map((s) => s.id)).toEqual([retried.json.id]);
  });
});
