import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let other: Browser;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  other = await addMember(t, owner, orgId, ['admin'], 'Otto Other');
});

async function createToken(name: string, extra: Record<string, unknown> = {}, as = owner) {
  const response = await call(t.app, { method: 'POST', url: '/api/tokens', as, body: { name, ...extra } });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; token: string; prefix: string; expiresAt: string | null };
}
const members = (token: string) => call(t.app, { url: `/api/orgs/${orgId}/members`, token });

describe('personal API tokens', () => {
  it('shows the plain token once; the list and the database never hold it', async () => {
    const created = await createToken('Statistik-Export');
    expect(created.token).toMatch(/^nahbar_[\w-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const list = await call(t.app, { url: '/api/tokens', as: owner });
    expect(list.json()).toEqual([
      expect.objectContaining({ id: created.id, name: 'Statistik-Export', prefix: created.prefix }),
    ]);
    expect(list.body).not.toContain(created.token);
    const rows = await t.db.$client.query('select * from api_tokens');
    expect(JSON.stringify(rows.rows)).not.toContain(created.token);
  });

  it('reads an organisation’s members with Authorization: Bearer', async () => {
    const { token, id } = await createToken('Lesen');
    const response = await members(token);
    expect(response.statusCode).toBe(200);
    expect(response.json().map((m: { name: string }) => m.name)).toEqual(['Olga Owner', 'Otto Other']);
    const listed = (await call(t.app, { url: '/api/tokens', as: owner }))
      .json()
      .find((x: { id: string }) => x.id === id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('changes things without a CSRF header: a token is not a browser cookie', async () => {
    const { token } = await createToken('Schreiben');
    const response = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}`,
      token,
      body: { name: 'Per API' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe('Per API');
  });

  it('cannot mint more tokens, list them or change the password', async () => {
    const { token } = await createToken('Eingeschränkt');
    const mint = await call(t.app, { method: 'POST', url: '/api/tokens', token, body: { name: 'Nachschub' } });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().error.code).toBe('session_required');
    expect((await call(t.app, { url: '/api/tokens', token })).statusCode).toBe(403);
    const password = await call(t.app, {
      method: 'POST',
      url: '/api/me/password',
      token,
      body: { currentPassword: 'egal', newPassword: 'neues-passwort-123' },
    });
    expect(password.statusCode).toBe(403);
  });

  it('stops working once revoked', async () => {
    const { token, id } = await createToken('Widerrufen');
    const revoked = await call(t.app, { method: 'DELETE', url: `/api/tokens/${id}`, as: owner });
    expect(revoked.statusCode).toBe(204);
    const response = await members(token);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
    const list = (await call(t.app, { url: '/api/tokens', as: owner })).json();
    expect(list.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('stops working when it expires', async () => {
    const { token, expiresAt } = await createToken('Kurzlebig', { expiresInDays: 1 });
    expect(new Date(expiresAt!).getTime()).toBeGreaterThan(Date.now() + 86_000_000);
    expect((await members(token)).statusCode).toBe(200);
    t.advance(86_400_000 + 60_000);
    expect((await members(token)).statusCode).toBe(401);
  });

  it('answers 401 to a made-up or malformed token', async () => {
    expect((await members('nahbar_ausgedacht')).statusCode).toBe(401);
    const malformed = await call(t.app, { url: `/api/orgs/${orgId}/members`, headers: { authorization: 'Bearer' } });
    expect(malformed.statusCode).toBe(401);
  });

  it('cannot be revoked by another person', async () => {
    const { id, token } = await createToken('Meins');
    const response = await call(t.app, { method: 'DELETE', url: `/api/tokens/${id}`, as: other });
    expect(response.statusCode).toBe(404);
    expect((await members(token)).statusCode).toBe(200);
  });

  it('rejects a token name that is empty and an expiry that is not whole days', async () => {
    const response = await call(t.app, {
      method: 'POST',
      url: '/api/tokens',
      as: owner,
      body: { name: ' ', expiresInDays: 1.5 },
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['expiresInDays', 'name']);
  });
});
