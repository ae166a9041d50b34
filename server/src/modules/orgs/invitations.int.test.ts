import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Browser,
  browserFrom,
  call,
  createTestApp,
  invitationTokenFor,
  PASSWORD,
  setUp,
  signIn,
  type TestApp,
  uniqueEmail,
} from '../../test/harness.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app, 'Kita Sonnenschein'));
});

const invite = (email: string, roles: string[] = ['editor'], as = owner, extra: Record<string, unknown> = {}) =>
  call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/invitations`, as, body: { email, roles, ...extra } });
const accept = (token: string, c: { as?: Browser; body?: unknown } = {}) =>
  call(t.app, {
    method: 'POST',
    url: `/api/invitations/${token}/accept`,
    body: c.body ?? {},
    ...(c.as && { as: c.as }),
  });
const rolesOf = async (email: string) =>
  (
    await t.db.$client.query(
      'select m.roles from memberships m join users u on u.id = m.user_id where m.org_id = $1 and u.email = $2',
      [orgId, email],
    )
  ).rows[0]?.roles as string[] | undefined;

describe('inviting a new person', () => {
  const email = uniqueEmail('neu');
  let token: string;

  it('keeps a German invitation mail in the outbox with a link', async () => {
    const response = await invite(email, ['editor', 'approver']);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email, roles: ['editor', 'approver'], invitedBy: 'Olga Owner' });
    const mail = await t.db.$client.query('select subject, text_body, org_id from mail_outbox where to_address = $1', [
      email,
    ]);
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]).toMatchObject({ subject: 'Einladung zu Kita Sonnenschein bei nahbar', org_id: orgId });
    expect(mail.rows[0].text_body).toContain('Olga Owner lädt Sie ein');
    token = await invitationTokenFor(t, email);
  });

  it('shows what the link offers before accepting', async () => {
    const response = await call(t.app, { url: `/api/invitations/${token}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      organisationName: 'Kita Sonnenschein',
      email,
      roles: ['editor', 'approver'],
      accountExists: false,
    });
  });

  it('asks for name and password when creating the account', async () => {
    const response = await accept(token, { body: { name: 'Nele' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ field: 'password', code: 'required', message: 'Pflichtfeld.' }]);
    expect(await rolesOf(email)).toBeUndefined();
  });

  it('creates the account, signs it in and makes it a member with the invited roles', async () => {
    const response = await accept(token, { body: { name: 'Nele Neu', password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const browser = browserFrom(response);
    expect(response.json().organisations).toEqual([
      expect.objectContaining({ id: orgId, roles: ['editor', 'approver'] }),
    ]);
    expect(response.json().user.lastOrgId).toBe(orgId);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/members`, as: browser })).statusCode).toBe(200);
    expect(await rolesOf(email)).toEqual(['editor', 'approver']);
  });

  it('works only once', async () => {
    expect((await call(t.app, { url: `/api/invitations/${token}` })).statusCode).toBe(404);
    const again = await accept(token, { body: { name: 'Zweite', password: PASSWORD } });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('invitation_invalid');
  });

  it('refuses to invite someone who is already a member', async () => {
    const response = await invite(email);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: 'email', code: 'already_member' }),
    ]);
  });

  it('writes the mail in English when asked', async () => {
    const english = uniqueEmail('en');
    await invite(english, ['viewer'], owner, { language: 'en' });
    const mail = await t.db.$client.query('select subject from mail_outbox where to_address = $1', [english]);
    expect(mail.rows[0].subject).toBe('Invitation to Kita Sonnenschein on nahbar');
  });
});

describe('inviting someone who already has an account', () => {
  let existing: Browser & { email: string };
  let other: Browser;
  let token: string;

  beforeAll(async () => {
    // An account from a second organisation.
    const second = await call(t.app, {
      method: 'POST',
      url: '/api/orgs',
      as: owner,
      body: { name: 'Beratungsstelle' },
    });
    existing = await addMember(t, owner, second.json().id, ['viewer'], 'Erik Existing');
    other = await addMember(t, owner, second.json().id, ['viewer'], 'Otto Other');
    await invite(existing.email, ['contributor']);
    token = await invitationTokenFor(t, existing.email);
  });

  it('tells the link’s visitor that the account exists', async () => {
    expect((await call(t.app, { url: `/api/invitations/${token}` })).json().accountExists).toBe(true);
  });

  it('needs the person to sign in first', async () => {
    const response = await accept(token, { body: { name: 'Fremd', password: 'fremdes-passwort-1' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invitation_needs_signin');
    // The existing password was not replaced by the one given here.
    expect((await signIn(t.app, existing.email)).statusCode).toBe(200);
  });

  it('refuses another signed-in account', async () => {
    const response = await accept(token, { as: other });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('invitation_wrong_account');
    expect(await rolesOf(existing.email)).toBeUndefined();
  });

  it('adds the membership for the right account, which then sees both organisations', async () => {
    const response = await accept(token, { as: existing });
    expect(response.statusCode).toBe(200);
    expect(await rolesOf(existing.email)).toEqual(['contributor']);
    const orgs = await call(t.app, { url: '/api/orgs', as: existing });
    expect(orgs.json().map((o: { name: string }) => o.name)).toEqual(['Beratungsstelle', 'Kita Sonnenschein']);
  });
});

describe('revoking an invitation', () => {
  it('lists open invitations, and a revoked link no longer works', async () => {
    const email = uniqueEmail('widerruf');
    const created = (await invite(email)).json();
    const token = await invitationTokenFor(t, email);
    const open = await call(t.app, { url: `/api/orgs/${orgId}/invitations`, as: owner });
    expect(open.json().map((i: { id: string }) => i.id)).toContain(created.id);

    const revoked = await call(t.app, {
      method: 'DELETE',
      url: `/api/orgs/${orgId}/invitations/${created.id}`,
      as: owner,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await call(t.app, { url: `/api/orgs/${orgId}/invitations`, as: owner });
    expect(after.json().map((i: { id: string }) => i.id)).not.toContain(created.id);
    expect((await accept(token, { body: { name: 'Zu spät', password: PASSWORD } })).statusCode).toBe(404);
    expect(
      (await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/invitations/${created.id}`, as: owner }))
        .statusCode,
    ).toBe(404);
  });

  it('lets an invitation expire after seven days', async () => {
    const email = uniqueEmail('spaet');
    await invite(email);
    const token = await invitationTokenFor(t, email);
    t.advance(8 * 86_400_000);
    try {
      expect((await call(t.app, { url: `/api/invitations/${token}` })).statusCode).toBe(404);
    } finally {
      t.advance(-8 * 86_400_000);
    }
  });
});

describe('two invitations to the same new address', () => {
  it('creates one account when both are accepted at once, and no server error', async () => {
    const email = uniqueEmail('doppelt');
    const second = await call(t.app, { method: 'POST', url: '/api/orgs', as: owner, body: { name: 'Zweiter Träger' } });
    await invite(email, ['viewer']);
    const first = await invitationTokenFor(t, email);
    await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${second.json().id}/invitations`,
      as: owner,
      body: { email, roles: ['viewer'] },
    });
    const other = await invitationTokenFor(t, email);
    expect(other).not.toBe(first);
    const answers = await Promise.all(
      [first, other].map((token) => accept(token, { body: { name: 'Doppelt', password: PASSWORD } })),
    );
    // The loser either collides on insert (409) or already finds the new account (401).
    const [won, lost] = [...answers].sort((x, y) => x.statusCode - y.statusCode);
    expect(won!.statusCode).toBe(200);
    expect(['conflict', 'invitation_needs_signin']).toContain(lost!.json().error.code);
    const users = await t.db.$client.query('select 1 from users where email = $1', [email]);
    expect(users.rowCount).toBe(1);
  });
});
