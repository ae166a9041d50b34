import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
});

const orgName = async () =>
  (await t.db.$client.query('select name from organisations where id = $1', [orgId])).rows[0].name as string;

function raw(method: 'POST' | 'PATCH', url: string, payload: string, contentType: string, as = owner) {
  return t.app.inject({
    method,
    url,
    payload,
    headers: { 'content-type': contentType, cookie: `nahbar_session=${as.cookie}`, 'x-csrf-token': as.csrf },
  });
}

describe('request bodies', () => {
  it('answers malformed JSON with 400 malformed_json', async () => {
    const response = await raw('PATCH', `/api/orgs/${orgId}`, '{"name": "Kita', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'malformed_json',
      message: 'Der Inhalt ist kein gültiges JSON.',
    });
  });

  it('answers wrong types with 400 and one detail per field', async () => {
    const response = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}`,
      as: owner,
      body: { name: 42, language: 'fr' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', code: 'invalid_type', message: 'Erwartet: string.' }),
        expect.objectContaining({ field: 'language', code: 'invalid_value', message: 'Erlaubt: de, en.' }),
      ]),
    );
    expect(await orgName()).toBe('Jugendhilfe Nord');
  });

  it('names an unknown field instead of silently dropping it', async () => {
    const response = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}`,
      as: owner,
      body: { name: 'Neuer Name', colour: 'blau' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'colour', code: 'unknown_field', message: 'Unbekanntes Feld: colour.' },
    ]);
    expect(await orgName()).toBe('Jugendhilfe Nord');
  });

  it('refuses a body over 1 MB with 413 body_too_large', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    const response = await raw('PATCH', `/api/orgs/${orgId}`, big, 'application/json');
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('body_too_large');
  });

  it('refuses a text/plain body with 415', async () => {
    const response = await raw('PATCH', `/api/orgs/${orgId}`, 'name=Neu', 'text/plain');
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'unsupported_media_type' });
    expect(await orgName()).toBe('Jugendhilfe Nord');
  });
});

describe('paths', () => {
  it('answers an invalid uuid in the path with 400 naming the parameter', async () => {
    const response = await call(t.app, { url: '/api/orgs/keine-uuid/members', as: owner });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([expect.objectContaining({ field: 'orgId', code: 'invalid_format' })]);
  });

  it('answers an unknown API route with 404 route_not_found in the one error shape', async () => {
    const response = await call(t.app, { url: '/api/gibt-es-nicht' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'route_not_found', message: 'Diese Adresse gibt es nicht.' },
    });
  });

  it('answers an unknown API route with another method the same way', async () => {
    const response = await call(t.app, { method: 'DELETE', url: '/api/health', as: owner });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route_not_found');
  });
});

describe('language of error messages', () => {
  it('is German by default', async () => {
    const response = await call(t.app, { url: '/api/me' });
    expect(response.json().error.message).toBe('Bitte melden Sie sich an.');
  });

  it('is English with Accept-Language: en', async () => {
    const response = await call(t.app, { url: '/api/me', headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' } });
    expect(response.json().error.message).toBe('Please sign in.');
  });

  it('follows the q-values of Accept-Language', async () => {
    const response = await call(t.app, {
      url: '/api/gibt-es-nicht',
      headers: { 'accept-language': 'en;q=0.3, de;q=0.8' },
    });
    expect(response.json().error.message).toBe('Diese Adresse gibt es nicht.');
  });

  it('is English, field details included, for a person who chose English', async () => {
    const member = await addMember(t, owner, orgId, ['admin']);
    const english = await call(t.app, { method: 'PATCH', url: '/api/me', as: member, body: { language: 'en' } });
    expect(english.statusCode).toBe(200);
    const response = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}`,
      as: member,
      body: { name: '', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toBe('The input is not valid.');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'too_short', message: 'At least 1 character.' },
        { field: 'extra', code: 'unknown_field', message: 'Unknown field: extra.' },
      ]),
    );
  });
});
