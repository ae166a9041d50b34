import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';

// Reply templates ("Antwortbausteine"): kept per organisation, filled in by the web.
let t: TestApp;
let owner: Browser;
let editor: Browser;
let viewer: Browser;
let privacy: Browser;
let orgId: string;

const url = () => `/api/orgs/${orgId}/reply-templates`;

async function auditActions(action: string) {
  const rows = await t.db.$client.query<{ target_id: string; details: Record<string, unknown> }>(
    'select target_id, details from audit_log where org_id = $1 and action = $2 order by id',
    [orgId, action],
  );
  return rows.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Erika Editor');
  viewer = await addMember(t, owner, orgId, ['viewer'], 'Vera Viewer');
  privacy = await addMember(t, owner, orgId, ['privacy_officer'], 'Dana Datenschutz');
});

describe('reply templates', () => {
  let id: string;

  it('an editor writes a template with placeholders; the team sees it, sorted by name', async () => {
    const created = await call(t.app, {
      method: 'POST',
      url: url(),
      as: editor,
      body: { name: '  Netiquette ', body: 'Hallo {{autor}}, bitte beachten Sie unsere Netiquette: {{netiquette}}' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Netiquette', body: expect.stringContaining('{{netiquette}}') });
    id = created.json().id;
    await call(t.app, { method: 'POST', url: url(), as: editor, body: { name: 'Danke', body: 'Danke, {{autor}}!' } });

    const list = await call(t.app, { url: url(), as: privacy });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((x: { name: string }) => x.name)).toEqual(['Danke', 'Netiquette']);
    expect((await auditActions('reply_template.created')).map((r) => r.details.name)).toEqual(['Netiquette', 'Danke']);
  });

  it('refuses a second template of the same name, also in other capitals, in German', async () => {
    const twice = await call(t.app, {
      method: 'POST',
      url: url(),
      as: editor,
      body: { name: 'NETIQUETTE', body: 'anders' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'reply_template_name_taken' });
    expect(twice.json().error.message).toMatch(/schon/);
    const renamed = await call(t.app, { method: 'PATCH', url: `${url()}/${id}`, as: editor, body: { name: 'danke' } });
    expect(renamed.statusCode).toBe(409);
  });

  it('renames and rewrites a template, with the old name in the audit log', async () => {
    const changed = await call(t.app, {
      method: 'PATCH',
      url: `${url()}/${id}`,
      as: owner,
      body: { name: 'Netiquette-Hinweis', body: 'Bitte bleiben Sie freundlich: {{netiquette}}' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Netiquette-Hinweis',
      body: 'Bitte bleiben Sie freundlich: {{netiquette}}',
    });
    // Keeping its own name is no conflict.
    const same = await call(t.app, {
      method: 'PATCH',
      url: `${url()}/${id}`,
      as: owner,
      body: { name: 'Netiquette-Hinweis' },
    });
    expect(same.statusCode).toBe(200);
    const [entry] = await auditActions('reply_template.updated');
    expect(entry?.details).toMatchObject({ name: 'Netiquette-Hinweis', previousName: 'Netiquette' });
  });

  it('rejects empty names and bodies and unknown fields with field errors', async () => {
    const empty = await call(t.app, { method: 'POST', url: url(), as: editor, body: { name: ' ', body: '' } });
    expect(empty.statusCode).toBe(400);
    const fields = empty.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'body']));
    const extra = await call(t.app, { method: 'POST', url: url(), as: editor, body: { name: 'x', body: 'y', orgId } });
    expect(extra.statusCode).toBe(400);
    const long = await call(t.app, {
      method: 'POST',
      url: url(),
      as: editor,
      body: { name: 'x', body: 'y'.repeat(5001) },
    });
    expect(long.statusCode).toBe(400);
  });

  it('lets viewers see nothing and the privacy officer read but not write', async () => {
    expect((await call(t.app, { url: url(), as: viewer })).statusCode).toBe(403);
    const write = await call(t.app, { method: 'POST', url: url(), as: privacy, body: { name: 'P', body: 'p' } });
    expect(write.statusCode).toBe(403);
    const del = await call(t.app, { method: 'DELETE', url: `${url()}/${id}`, as: viewer });
    expect(del.statusCode).toBe(403);
  });

  it('hides templates from another organisation: 404 for its members, same name allowed there', async () => {
    const other = await createOtherOrg();
    expect((await call(t.app, { url: url(), as: other.owner })).statusCode).toBe(404);
    const patch = await call(t.app, { method: 'PATCH', url: `${url()}/${id}`, as: other.owner, body: { name: 'weg' } });
    expect(patch.statusCode).toBe(404);
    const foreignId = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${other.orgId}/reply-templates/${id}`,
      as: other.owner,
      body: { name: 'weg' },
    });
    expect(foreignId.statusCode).toBe(404);
    const sameName = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${other.orgId}/reply-templates`,
      as: other.owner,
      body: { name: 'Netiquette-Hinweis', body: 'Unsere Regeln' },
    });
    expect(sameName.statusCode).toBe(201);
  });

  it('deletes a template (204), audited; a second delete is 404', async () => {
    const del = await call(t.app, { method: 'DELETE', url: `${url()}/${id}`, as: editor });
    expect(del.statusCode).toBe(204);
    expect((await call(t.app, { method: 'DELETE', url: `${url()}/${id}`, as: editor })).statusCode).toBe(404);
    const names = (await call(t.app, { url: url(), as: editor })).json().map((x: { name: string }) => x.name);
    expect(names).toEqual(['Danke']);
    expect((await auditActions('reply_template.deleted')).map((r) => r.target_id)).toEqual([id]);
  });
});

/** A second organisation, created by a fresh account through the organisations API. */
async function createOtherOrg() {
  const stranger = await addMember(t, owner, orgId, ['viewer'], 'Stefan Fremd');
  const created = await call(t.app, {
    method: 'POST',
    url: '/api/orgs',
    as: stranger,
    body: { name: 'Andere Stiftung' },
  });
  if (created.statusCode !== 201) throw new Error(`org create failed: ${created.body}`);
  const otherOrgId = created.json().id as string;
  await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/members/${stranger.userId}`, as: stranger });
  return { owner: stranger, orgId: otherOrgId };
}
