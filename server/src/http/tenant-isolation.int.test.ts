import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { RegisteredRoute } from '../app.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';

// Organisation A's owner (and instance admin) turns every organisation route against B.
// The routes come from the app itself, so a new route without a permission check fails here.

/** A valid body for every org route that takes one; a new route must add its own. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'PATCH /api/orgs/:orgId': { name: 'Übernommen', language: 'en' },
  'PATCH /api/orgs/:orgId/members/:userId': { roles: ['viewer'] },
  'POST /api/orgs/:orgId/invitations': { email: 'eindringling@example.org', roles: ['admin'] },
};

type Ids = { orgId: string; userId: string; id: string };

let t: TestApp;
let ownerA: Browser;
let a: Ids;
let b: Ids;
let bMemberEmail: string;
let memberB: Browser;

/** An invitation left open, so the isolation checks have an invitation id to aim at. */
async function openInvitation(owner: Browser, orgId: string, email: string): Promise<string> {
  const response = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/invitations`,
    as: owner,
    body: { email, roles: ['viewer'] },
  });
  return response.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  let orgA: string;
  ({ owner: ownerA, orgId: orgA } = await setUp(t.app, 'Träger A'));
  const memberA = await addMember(t, ownerA, orgA, ['editor'], 'Anton A');
  a = { orgId: orgA, userId: memberA.userId, id: await openInvitation(ownerA, orgA, 'offen-a@example.org') };

  // B's owner joins A only long enough to have an account, creates B and leaves A.
  const ownerB = await addMember(t, ownerA, orgA, ['viewer'], 'Berta B');
  const created = await call(t.app, { method: 'POST', url: '/api/orgs', as: ownerB, body: { name: 'Träger B' } });
  const orgB = created.json().id as string;
  await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgA}/members/${ownerB.userId}`, as: ownerB });
  const bruno = await addMember(t, ownerB, orgB, ['editor'], 'Bruno B');
  memberB = bruno;
  bMemberEmail = bruno.email;
  b = { orgId: orgB, userId: bruno.userId, id: await openInvitation(ownerB, orgB, 'offen-b@example.org') };
});

/** Everything of B's that an attack could change. */
async function snapshotB() {
  const q = async (sql: string) => (await t.db.$client.query(sql, [b.orgId])).rows;
  return {
    org: await q('select name, time_zone, language from organisations where id = $1'),
    members: await q('select user_id, roles from memberships where org_id = $1 order by user_id'),
    invitations: await q(
      'select id, email, roles, accepted_at, revoked_at from invitations where org_id = $1 order by id',
    ),
    audit: await q('select count(*)::int as n from audit_log where org_id = $1'),
    mails: await q('select count(*)::int as n from mail_outbox where org_id = $1'),
  };
}

function orgRoutes(): RegisteredRoute[] {
  return t.app.routeList.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/orgs/:orgId'));
}

function fill(url: string, org: string, ids: Ids): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'orgId') return org;
    if (name === 'userId' || name === 'id') return ids[name];
    throw new Error(`Teach the tenant-isolation test which of B's ids fits :${name} in ${url}`);
  });
}

function bodyFor(route: RegisteredRoute): unknown {
  const key = `${route.method} ${route.url}`;
  const schema = route.schema?.body as ZodType | undefined;
  if (!schema) return undefined;
  if (!(key in SAMPLE_BODIES)) throw new Error(`Add a valid sample body for ${key} to the tenant-isolation test`);
  // The body must pass validation, or a 400 would hide a missing permission check.
  expect(schema.safeParse(SAMPLE_BODIES[key]).success, `sample body for ${key} is valid`).toBe(true);
  return SAMPLE_BODIES[key];
}

function expectRefused(response: LightMyRequestResponse, label: string) {
  expect([403, 404], `${label} → ${response.statusCode} ${response.body}`).toContain(response.statusCode);
  for (const secret of ['Träger B', 'Bruno B', bMemberEmail, 'offen-b@example.org']) {
    expect(response.body, `${label} leaks ${secret}`).not.toContain(secret);
  }
}

describe('tenant isolation', () => {
  it('covers the organisation routes the app has', () => {
    const names = orgRoutes().map((r) => `${r.method} ${r.url}`);
    // A floor, not the list: the loop below walks whatever is registered.
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names).toContain('DELETE /api/orgs/:orgId/members/:userId');
  });

  it('refuses every organisation route with B’s ids to A’s owner and leaves B unchanged', async () => {
    const before = await snapshotB();
    for (const route of orgRoutes()) {
      for (const [org, label] of [
        [b.orgId, 'B org, B ids'],
        [a.orgId, 'A org, B ids'],
      ] as const) {
        if (org === a.orgId && !/:(userId|id)\b/.test(route.url)) continue;
        const url = fill(route.url, org, b);
        const body = bodyFor(route);
        const response = await call(t.app, {
          method: route.method as 'GET',
          url,
          as: ownerA,
          ...(body !== undefined && { body }),
        });
        expectRefused(response, `${route.method} ${url} (${label})`);
      }
    }
    expect(await snapshotB()).toEqual(before);
  });

  it('refuses B’s org id with A’s member and invitation ids too', async () => {
    const before = await snapshotB();
    for (const route of orgRoutes().filter((r) => /:(userId|id)\b/.test(r.url))) {
      const url = fill(route.url, b.orgId, a);
      const body = bodyFor(route);
      const response = await call(t.app, {
        method: route.method as 'GET',
        url,
        as: ownerA,
        ...(body !== undefined && { body }),
      });
      expectRefused(response, `${route.method} ${url} (B org, A ids)`);
    }
    expect(await snapshotB()).toEqual(before);
    const aMember = await t.db.$client.query('select roles from memberships where org_id = $1 and user_id = $2', [
      a.orgId,
      a.userId,
    ]);
    expect(aMember.rows[0].roles).toEqual(['editor']);
  });

  it('does not let A’s owner revoke a token of B’s member', async () => {
    const created = await call(t.app, { method: 'POST', url: '/api/tokens', as: memberB, body: { name: 'Bruno' } });
    const { id, token } = created.json();
    const response = await call(t.app, { method: 'DELETE', url: `/api/tokens/${id}`, as: ownerA });
    expect(response.statusCode).toBe(404);
    expect((await call(t.app, { url: `/api/orgs/${b.orgId}/members`, token })).statusCode).toBe(200);
    expect((await call(t.app, { url: '/api/tokens', as: ownerA })).body).not.toContain(id);
  });
});
