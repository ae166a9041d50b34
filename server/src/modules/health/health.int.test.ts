import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/open.ts';
import { call, createTestApp, type TestApp } from '../../test/harness.ts';

function expectSecurityHeaders(response: LightMyRequestResponse) {
  expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('same-origin');
}

describe('health with the database up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('answers 200 with status and database ok, never cached', async () => {
    const response = await call(t.app, { url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(response);
  });

  it('sends the security headers on pages outside the API too', async () => {
    const response = await call(t.app, { url: '/einstellungen' });
    expectSecurityHeaders(response);
  });

  it('describes the API as OpenAPI for integrators', async () => {
    const response = await call(t.app, { url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/orgs/{orgId}/members']));
  });
});

describe('health with the database down', () => {
  let t: TestApp;
  const db = connect('postgres://x:y@127.0.0.1:1/none', 1);
  beforeAll(async () => {
    t = await createTestApp({ deps: { db } });
  });
  afterAll(() => db.$client.end());

  it('answers 503 with database error', async () => {
    const response = await call(t.app, { url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'error', db: 'error' });
  });

  it('answers a signed-in request with 503 db_unavailable, not 500', async () => {
    const response = await call(t.app, { url: '/api/me', headers: { cookie: 'nahbar_session=irgendwas' } });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toEqual({
      code: 'db_unavailable',
      message: 'Die Datenbank ist gerade nicht erreichbar.',
    });
    expect(t.logs.join('')).not.toContain('irgendwas');
  });

  it('answers sign-in with 503 too', async () => {
    const response = await call(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { email: 'eva@example.org', password: 'egal-welches' },
    });
    expect(response.statusCode).toBe(503);
  });
});
