import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let admin: Browser;
let editor: Browser;
let viewer: Browser;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  admin = await addMember(t, owner, orgId, ['admin'], 'Anna Admin');
  editor = await addMember(t, owner, orgId, ['editor'], 'Ede Editor');
  viewer = await addMember(t, owner, orgId, ['viewer'], 'Vera Viewer');
});

const setRoles = (as: Browser, userId: string, roles: string[]) =>
  call(t.app, { method: 'PATCH', url: `/api/orgs/${orgId}/members/${userId}`, as, body: { roles } });
const remove = (as: Browser, userId: string) =>
  call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/members/${userId}`, as });
const rolesOf = async (userId: string) =>
  (await t.db.$client.query('select roles from memberships where org_id = $1 and user_id = $2', [orgId, userId]))
    .rows[0]?.roles as string[] | undefined;

describe('roles', () => {
  it('lets an admin give a member several roles', async () => {
    const response = await setRoles(admin, viewer.userId, ['editor', 'approver', 'editor']);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      userId: viewer.userId,
      name: 'Vera Viewer',
      roles: ['editor', 'approver'],
    });
    expect(await rolesOf(viewer.userId)).toEqual(['editor', 'approver']);
    await setRoles(admin, viewer.userId, ['viewer']);
  });

  it('refuses an empty role list and unknown roles with field details', async () => {
    const empty = await setRoles(admin, viewer.userId, []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([expect.objectContaining({ field: 'roles', code: 'too_few' })]);
    const unknown = await setRoles(admin, viewer.userId, ['superuser']);
    expect(unknown.json().error.details).toEqual([
      expect.objectContaining({ field: 'roles.0', code: 'invalid_value' }),
    ]);
    expect(await rolesOf(viewer.userId)).toEqual(['viewer']);
  });

  it('does not let an admin grant or take away the owner role', async () => {
    const grant = await setRoles(admin, editor.userId, ['owner']);
    expect(grant.statusCode).toBe(403);
    expect(grant.json().error.code).toBe('forbidden');
    const self = await setRoles(admin, admin.userId, ['admin', 'owner']);
    expect(self.statusCode).toBe(403);
    const takeAway = await setRoles(admin, owner.userId, ['admin']);
    expect(takeAway.statusCode).toBe(403);
    expect(await rolesOf(owner.userId)).toEqual(['owner']);
    expect(await rolesOf(admin.userId)).toEqual(['admin']);
  });

  it('keeps at least one owner', async () => {
    const response = await setRoles(owner, owner.userId, ['admin']);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: 'last_owner',
      message: 'Die Organisation braucht mindestens eine:n Inhaber:in.',
    });
    expect(await rolesOf(owner.userId)).toEqual(['owner']);
  });

  it('lets an owner hand ownership on, after which the old owner may step down', async () => {
    expect((await setRoles(owner, admin.userId, ['owner', 'admin'])).statusCode).toBe(200);
    expect((await setRoles(owner, owner.userId, ['admin'])).statusCode).toBe(200);
    // And back, so the other tests keep their cast.
    expect((await setRoles(admin, owner.userId, ['owner'])).statusCode).toBe(200);
    expect((await setRoles(owner, admin.userId, ['admin'])).statusCode).toBe(200);
  });

  it('does not let editors or viewers change roles', async () => {
    expect((await setRoles(editor, viewer.userId, ['admin'])).statusCode).toBe(403);
    expect((await setRoles(viewer, viewer.userId, ['admin'])).statusCode).toBe(403);
    expect(await rolesOf(viewer.userId)).toEqual(['viewer']);
  });

  it('answers 404 for someone who is not a member', async () => {
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect((await setRoles(owner, stranger, ['viewer'])).statusCode).toBe(404);
  });
});

describe('leaving and removing', () => {
  it('does not let editors or viewers invite or read the audit log', async () => {
    for (const as of [editor, viewer]) {
      const invited = await call(t.app, {
        method: 'POST',
        url: `/api/orgs/${orgId}/invitations`,
        as,
        body: { email: 'freund@example.org', roles: ['viewer'] },
      });
      expect(invited.statusCode).toBe(403);
      expect((await call(t.app, { url: `/api/orgs/${orgId}/audit`, as })).statusCode).toBe(403);
      expect((await call(t.app, { url: `/api/orgs/${orgId}/invitations`, as })).statusCode).toBe(403);
    }
    const mails = await t.db.$client.query("select 1 from mail_outbox where to_address = 'freund@example.org'");
    expect(mails.rowCount).toBe(0);
  });

  it('does not let a viewer remove someone else', async () => {
    expect((await remove(viewer, editor.userId)).statusCode).toBe(403);
    expect(await rolesOf(editor.userId)).toEqual(['editor']);
  });

  it('does not let an admin remove an owner', async () => {
    expect((await remove(admin, owner.userId)).statusCode).toBe(403);
    expect(await rolesOf(owner.userId)).toEqual(['owner']);
  });

  it('does not let the last owner leave', async () => {
    const response = await remove(owner, owner.userId);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('last_owner');
  });

  it('lets an admin remove a member, who then loses access', async () => {
    expect((await remove(admin, editor.userId)).statusCode).toBe(204);
    expect(await rolesOf(editor.userId)).toBeUndefined();
    expect((await call(t.app, { url: `/api/orgs/${orgId}/members`, as: editor })).statusCode).toBe(404);
    const me = await call(t.app, { url: '/api/auth/session', as: editor });
    expect(me.json().organisations).toEqual([]);
    expect(me.json().user.lastOrgId).toBeNull();
  });

  it('lets a member leave on their own', async () => {
    expect((await remove(viewer, viewer.userId)).statusCode).toBe(204);
    expect(await rolesOf(viewer.userId)).toBeUndefined();
    const members = await call(t.app, { url: `/api/orgs/${orgId}/members`, as: owner });
    expect(members.json().map((m: { name: string }) => m.name)).toEqual(['Anna Admin', 'Olga Owner']);
  });
});
