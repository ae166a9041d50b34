import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addOtherOrg, addPerson, auditRows } from './test-people.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let editor: Browser;
let officer: Browser;
let contributor: Browser;
let viewer: Browser;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Erik Editor');
  officer = await addMember(t, owner, orgId, ['privacy_officer'], 'Dana Datenschutz');
  contributor = await addMember(t, owner, orgId, ['contributor']);
  viewer = await addMember(t, owner, orgId, ['viewer']);
});

const url = (path = '') => `/api/orgs/${orgId}/people${path}`;

describe('people register', () => {
  it('creates, reads, changes and finds people by name or guardian', async () => {
    const created = await call(t.app, {
      method: 'POST',
      url: url(),
      as: editor,
      body: {
        displayName: 'Jonas K.',
        kind: 'client',
        birthDate: '2015-04-02',
        guardians: [{ name: 'Petra Kühn', contact: '0170 123' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const jonas = created.json();
    expect(jonas).toMatchObject({
      displayName: 'Jonas K.',
      ageGroup: 'child',
      guardians: [{ name: 'Petra Kühn', contact: '0170 123' }],
      consentSummary: { valid: 0, expiringSoon: 0, withdrawn: 0 },
    });
    await addPerson(t, editor, orgId, { displayName: 'Mara S.', kind: 'staff' });

    const byGuardian = await call(t.app, { url: url('?q=KÜHN'), as: editor });
    expect(byGuardian.json().items.map((p: { id: string }) => p.id)).toEqual([jonas.id]);
    const byName = await call(t.app, { url: url('?q=mara'), as: editor });
    expect(byName.json().items.map((p: { displayName: string }) => p.displayName)).toEqual(['Mara S.']);
    const wildcard = await call(t.app, { url: url('?q=%25'), as: editor });
    expect(wildcard.json().items).toEqual([]);
    const staff = await call(t.app, { url: url('?kind=staff'), as: editor });
    expect(staff.json().items).toHaveLength(1);

    const patched = await call(t.app, {
      method: 'PATCH',
      url: url(`/${jonas.id}`),
      as: editor,
      body: { birthDate: '2008-01-01', displayName: 'J. K.' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ displayName: 'J. K.', ageGroup: 'adult' });
    const read = await call(t.app, { url: url(`/${jonas.id}`), as: contributor });
    expect(read.json().displayName).toBe('J. K.');

    const audits = await auditRows(t, 'person.updated');
    expect(audits.at(-1)).toMatchObject({ target_id: jonas.id, details: { fields: ['birthDate', 'displayName'] } });
    expect(JSON.stringify(await auditRows(t, 'person.created'))).not.toContain('Jonas');
    expect(JSON.stringify(audits)).not.toContain('2008');
  });

  it('pages with a cursor, newest first', async () => {
    for (const name of ['P1', 'P2', 'P3']) await addPerson(t, editor, orgId, { displayName: name, kind: 'volunteer' });
    const first = await call(t.app, { url: url('?kind=volunteer&limit=2'), as: editor });
    expect(first.json().items.map((p: { displayName: string }) => p.displayName)).toEqual(['P3', 'P2']);
    const cursor = first.json().nextCursor;
    const second = await call(t.app, { url: url(`?kind=volunteer&limit=2&cursor=${cursor}`), as: editor });
    expect(second.json()).toMatchObject({ items: [{ displayName: 'P1' }], nextCursor: null });
    const bad = await call(t.app, { url: url('?cursor=nonsense'), as: editor });
    expect(bad.statusCode).toBe(400);
  });

  it('shows notes only to the privacy officer, and only they may write them', async () => {
    const person = await addPerson(t, officer, orgId, {
      displayName: 'Noah',
      notes: 'Hilfeplan: keine Fotos vom Gesicht',
    });
    const asOfficer = await call(t.app, { url: url(`/${person.id}`), as: officer });
    expect(asOfficer.json()).toMatchObject({ notes: 'Hilfeplan: keine Fotos vom Gesicht', notesHidden: false });
    const asEditor = await call(t.app, { url: url(`/${person.id}`), as: editor });
    expect(asEditor.json()).toMatchObject({ notes: null, notesHidden: true });
    const list = await call(t.app, { url: url('?q=noah'), as: editor });
    expect(list.body).not.toContain('Hilfeplan');

    const editorWrites = await call(t.app, {
      method: 'PATCH',
      url: url(`/${person.id}`),
      as: editor,
      body: { notes: null },
    });
    expect(editorWrites.statusCode).toBe(403);
    const editorCreates = await call(t.app, {
      method: 'POST',
      url: url(),
      as: editor,
      body: { displayName: 'X', kind: 'client', ageBand: 'adult', notes: 'geheim' },
    });
    expect(editorCreates.statusCode).toBe(403);
    const stillThere = await call(t.app, { url: url(`/${person.id}`), as: officer });
    expect(stillThere.json().notes).toBe('Hilfeplan: keine Fotos vom Gesicht');
  });

  it('lets readers read and managers write, by role', async () => {
    const person = await addPerson(t, owner, orgId);
    expect((await call(t.app, { url: url(), as: viewer })).statusCode).toBe(403);
    expect((await call(t.app, { url: url(`/${person.id}`), as: viewer })).statusCode).toBe(403);
    expect((await call(t.app, { url: url(), as: contributor })).statusCode).toBe(200);
    const write = { method: 'POST' as const, url: url(), body: { displayName: 'Y', kind: 'client', ageBand: 'adult' } };
    expect((await call(t.app, { ...write, as: contributor })).statusCode).toBe(403);
    expect((await call(t.app, { ...write, as: officer })).statusCode).toBe(201);
    const patch = { method: 'PATCH' as const, url: url(`/${person.id}`), body: { kind: 'staff' } };
    expect((await call(t.app, { ...patch, as: contributor })).statusCode).toBe(403);
  });

  it('refuses impossible entries with field details', async () => {
    const post = (body: unknown) => call(t.app, { method: 'POST', url: url(), as: editor, body });
    const noAge = await post({ displayName: 'Z', kind: 'client' });
    expect(noAge.statusCode).toBe(400);
    expect(noAge.json().error.details[0].field).toBe('birthDate');

    const future = await post({ displayName: 'Z', kind: 'client', birthDate: '2999-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.details).toMatchObject([{ field: 'birthDate', code: 'in_future' }]);

    const custody = await post({
      displayName: 'Z',
      kind: 'client',
      ageBand: 'under_14',
      jointCustody: true,
      guardians: [{ name: 'Eine Mutter' }],
    });
    expect(custody.statusCode).toBe(422);
    expect(custody.json().error.details).toMatchObject([{ field: 'guardians', code: 'joint_custody_needs_two' }]);

    const person = await addPerson(t, editor, orgId, { ageBand: '14_17' });
    const clear = await call(t.app, {
      method: 'PATCH',
      url: url(`/${person.id}`),
      as: editor,
      body: { ageBand: null },
    });
    expect(clear.statusCode).toBe(422);
    expect(clear.json().error.details).toMatchObject([{ field: 'birthDate', code: 'age_required' }]);
    const swap = await call(t.app, {
      method: 'PATCH',
      url: url(`/${person.id}`),
      as: editor,
      body: { ageBand: null, birthDate: '2010-06-30' },
    });
    expect(swap.statusCode, swap.body).toBe(200);
    const unknown = await call(t.app, { method: 'PATCH', url: url(`/${person.id}`), as: editor, body: { age: 3 } });
    expect(unknown.statusCode).toBe(400);
  });

  it('answers 404 for another organisation’s person', async () => {
    const otherOrg = await addOtherOrg(t, owner);
    const foreign = await addPerson(t, owner, otherOrg);
    expect((await call(t.app, { url: url(`/${foreign.id}`), as: owner })).statusCode).toBe(404);
    const patch = await call(t.app, {
      method: 'PATCH',
      url: url(`/${foreign.id}`),
      as: owner,
      body: { kind: 'staff' },
    });
    expect(patch.statusCode).toBe(404);
    // A member of the first organisation only: the second one does not exist for them.
    const theirs = await call(t.app, { url: `/api/orgs/${otherOrg}/people`, as: editor });
    expect(theirs.statusCode).toBe(404);
  });
});
