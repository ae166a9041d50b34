import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, signIn, type TestApp } from '../../test/harness.ts';

type Entry = {
  id: string;
  action: string;
  actor: { id: string | null; name: string | null; email: string | null };
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

let t: TestApp;
let owner: Browser;
let ownerEmail: string;
let orgId: string;
let member: Browser & { email: string };
let invitationId: string;
let tokenId: string;

async function entries(query = ''): Promise<Entry[]> {
  const response = await call(t.app, { url: `/api/orgs/${orgId}/audit${query}`, as: owner });
  expect(response.statusCode).toBe(200);
  return response.json().entries;
}
const find = async (action: string, targetId?: string) =>
  (await entries()).find((e) => e.action === action && (targetId === undefined || e.targetId === targetId));

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId, email: ownerEmail } = await setUp(t.app));
  await signIn(t.app, ownerEmail);
  member = await addMember(t, owner, orgId, ['editor'], 'Mats Mitglied');
  invitationId = (await t.db.$client.query('select id from invitations where email = $1', [member.email])).rows[0].id;
  await call(t.app, {
    method: 'PATCH',
    url: `/api/orgs/${orgId}/members/${member.userId}`,
    as: owner,
    body: { roles: ['viewer'] },
  });
  tokenId = (await call(t.app, { method: 'POST', url: '/api/tokens', as: owner, body: { name: 'Export' } })).json().id;
  await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/members/${member.userId}`, as: owner });
});

describe('audit log', () => {
  it('records sign-in with who and from where', async () => {
    const login = await find('auth.login');
    expect(login).toMatchObject({
      actor: { id: owner.userId, name: 'Olga Owner', email: ownerEmail },
      targetType: 'user',
      targetId: owner.userId,
      ip: '127.0.0.1',
    });
  });

  it('records the invitation and its acceptance', async () => {
    expect(await find('invitation.created', invitationId)).toMatchObject({
      actor: { id: owner.userId },
      targetType: 'invitation',
      details: { email: member.email, roles: ['editor'] },
    });
    expect(await find('invitation.accepted', invitationId)).toMatchObject({
      actor: { id: member.userId, name: 'Mats Mitglied' },
      details: { newAccount: true },
    });
  });

  it('records role changes with before and after', async () => {
    expect(await find('member.roles_changed', member.userId)).toMatchObject({
      actor: { id: owner.userId },
      targetType: 'user',
      details: { before: ['editor'], after: ['viewer'] },
    });
  });

  it('records removal and token creation', async () => {
    expect(await find('member.removed', member.userId)).toMatchObject({
      actor: { id: owner.userId },
      details: { self: false },
    });
    expect(await find('token.created', tokenId)).toMatchObject({
      actor: { id: owner.userId },
      targetType: 'api_token',
      details: { name: 'Export' },
    });
  });

  it('keeps a removed member’s past actions with their name', async () => {
    expect((await find('invitation.accepted', invitationId))?.actor.name).toBe('Mats Mitglied');
  });

  it('lists newest first, pages with a cursor and filters by action', async () => {
    const all = await entries();
    const ids = all.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    const first = await call(t.app, { url: `/api/orgs/${orgId}/audit?limit=2`, as: owner });
    const page = first.json();
    expect(page.entries).toHaveLength(2);
    const second = await entries(`?limit=2&before=${page.nextBefore}`);
    expect(second.map((e) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));
    const logins = await entries('?action=auth.login');
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.action === 'auth.login')).toBe(true);
  });

  it('refuses a nonsense cursor with 400, not 500', async () => {
    const response = await call(t.app, { url: `/api/orgs/${orgId}/audit?before=abc&limit=0`, as: owner });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['before', 'limit']);
  });

  it('is not visible to someone who just joined as editor', async () => {
    const editor = await addMember(t, owner, orgId, ['editor']);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/audit`, as: editor })).statusCode).toBe(403);
  });
});
