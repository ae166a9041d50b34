import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Browser,
  call,
  createTestApp,
  invitationTokenFor,
  setUp,
  type TestApp,
} from '../../test/harness.ts';

let t: TestApp;
let owner: Browser;
let kitaId: string;
let beratungId: string;
let foreignId: string;
let both: Browser;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId: kitaId } = await setUp(t.app, 'Kita Regenbogen'));
  beratungId = (
    await call(t.app, { method: 'POST', url: '/api/orgs', as: owner, body: { name: 'Beratung Mitte' } })
  ).json().id;
  both = await addMember(t, owner, kitaId, ['editor'], 'Bea Beide');
  const invite = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${beratungId}/invitations`,
    as: owner,
    body: { email: (await call(t.app, { url: '/api/me', as: both })).json().email, roles: ['viewer'] },
  });
  expect(invite.statusCode).toBe(201);
  const token = await invitationTokenFor(t, invite.json().email);
  expect(
    (await call(t.app, { method: 'POST', url: `/api/invitations/${token}/accept`, as: both, body: {} })).statusCode,
  ).toBe(200);
  const stranger = await addMember(t, owner, kitaId, ['viewer'], 'Sven Stranger');
  foreignId = (
    await call(t.app, { method: 'POST', url: '/api/orgs', as: stranger, body: { name: 'Fremder Träger' } })
  ).json().id;
});

describe('a person in two organisations', () => {
  it('sees both, with their roles in each, sorted by name', async () => {
    const response = await call(t.app, { url: '/api/orgs', as: both });
    expect(response.json()).toEqual([
      expect.objectContaining({ id: beratungId, name: 'Beratung Mitte', roles: ['viewer'] }),
      expect.objectContaining({ id: kitaId, name: 'Kita Regenbogen', roles: ['editor'] }),
    ]);
  });

  it('remembers which organisation was open last', async () => {
    const response = await call(t.app, { method: 'PATCH', url: '/api/me', as: both, body: { lastOrgId: kitaId } });
    expect(response.statusCode).toBe(200);
    expect(response.json().lastOrgId).toBe(kitaId);
    expect((await call(t.app, { url: '/api/auth/session', as: both })).json().user.lastOrgId).toBe(kitaId);
  });

  it('cannot point lastOrgId at an organisation it does not belong to', async () => {
    const response = await call(t.app, { method: 'PATCH', url: '/api/me', as: both, body: { lastOrgId: foreignId } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'lastOrgId', code: 'not_found' })]);
    expect((await call(t.app, { url: '/api/me', as: both })).json().lastOrgId).toBe(kitaId);
  });

  it('creates an organisation with the caller as owner', async () => {
    const response = await call(t.app, {
      method: 'POST',
      url: '/api/orgs',
      as: both,
      body: { name: 'Jugendtreff Süd', timeZone: 'Europe/Vienna' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Jugendtreff Süd', timeZone: 'Europe/Vienna', language: 'de' });
    const mine = await call(t.app, { url: '/api/orgs', as: both });
    expect(mine.json()).toContainEqual(expect.objectContaining({ id: response.json().id, roles: ['owner'] }));
  });
});
