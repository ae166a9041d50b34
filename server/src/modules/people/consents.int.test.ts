import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskStore } from '../../storage/disk-store.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addChannel, addMedia } from '../posts/test-fixtures.ts';
import { addConsent, addOtherOrg, addPerson, auditRows } from './test-people.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let editor: Browser;
let officer: Browser;
let contributor: Browser;
// Our own media directory, so the tests can read what the store holds.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-evidence-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  t = await createTestApp({ deps: { media: diskStore(dir) } });
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Erik Editor');
  officer = await addMember(t, owner, orgId, ['privacy_officer'], 'Dana Datenschutz');
  contributor = await addMember(t, owner, orgId, ['contributor']);
});

const consentsUrl = (personId: string) => `/api/orgs/${orgId}/people/${personId}/consents`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('consents', () => {
  it('records consents and shows them newest first with today’s status and the summary', async () => {
    const person = await addPerson(t, editor, orgId, { displayName: 'Ben' });
    const old = await addConsent(t, editor, orgId, person.id, { validFrom: '2020-01-01', validUntil: '2020-12-31' });
    const soon = await addConsent(t, editor, orgId, person.id, { purpose: 'website', validUntil: day(10) });
    const later = await addConsent(t, editor, orgId, person.id, { purpose: 'print', validFrom: day(5) });
    const list = await call(t.app, { url: consentsUrl(person.id), as: contributor });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toMatchObject([
      { id: later.id, status: 'not_yet_valid', recordedByName: 'Erik Editor', hasEvidence: false, source: 'manual' },
      { id: soon.id, status: 'valid', purpose: 'website' },
      { id: old.id, status: 'expired' },
    ]);
    const read = await call(t.app, { url: `/api/orgs/${orgId}/people/${person.id}`, as: editor });
    expect(read.json().consentSummary).toEqual({ valid: 1, expiringSoon: 1, withdrawn: 0 });
    const audit = await auditRows(t, 'consent.recorded');
    expect(audit.at(-1)).toMatchObject({ target_id: later.id, details: { personId: person.id, purpose: 'print' } });
  });

  it('checks scope and signatories against the organisation and the person', async () => {
    const child = await addPerson(t, editor, orgId, {
      ageBand: 'under_14',
      guardians: [{ name: 'Mutter M.', contact: null }],
    });
    const adult = await addPerson(t, editor, orgId);
    const otherOrg = await addOtherOrg(t, owner);
    const foreignChannel = await addChannel(t, otherOrg, 'bluesky');
    const foreignMedia = await addMedia(t, otherOrg);
    const ownChannel = await addChannel(t, orgId, 'mastodon');
    const base = { purpose: 'social_media', validFrom: '2024-01-01', form: 'written', givenBy: ['guardian_1'] };
    const post = (personId: string, body: object) =>
      call(t.app, { method: 'POST', url: consentsUrl(personId), as: editor, body: { ...base, ...body } });

    const wrong = await post(child.id, {
      channelIds: [ownChannel, foreignChannel],
      mediaId: foreignMedia,
      givenBy: ['guardian_1', 'guardian_2'],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual([
      'channelIds:unknown_channel',
      'mediaId:unknown_media',
      'givenBy.1:no_second_guardian',
    ]);
    const networks = await post(child.id, { purpose: 'print', networks: ['bluesky'] });
    expect(networks.json().error.details).toMatchObject([{ field: 'networks', code: 'social_media_only' }]);
    const noGuardian = await post(adult.id, {});
    expect(noGuardian.json().error.details).toMatchObject([{ field: 'givenBy.0', code: 'no_guardian' }]);
    const backwards = await post(adult.id, { givenBy: ['person'], validUntil: '2023-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].field).toBe('validUntil');

    const ok = await post(child.id, { channelIds: [ownChannel], networks: ['mastodon'] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ channelIds: [ownChannel], networks: ['mastodon'], givenBy: ['guardian_1'] });
  });

  it('lets contributors read but not record, and hides other organisations’ people', async () => {
    const person = await addPerson(t, editor, orgId);
    const body = { purpose: 'press', validFrom: '2024-01-01', form: 'written', givenBy: ['person'] };
    const asContributor = await call(t.app, { method: 'POST', url: consentsUrl(person.id), as: contributor, body });
    expect(asContributor.statusCode).toBe(403);
    const otherOrg = await addOtherOrg(t, owner);
    const foreign = await addPerson(t, owner, otherOrg);
    expect((await call(t.app, { url: consentsUrl(foreign.id), as: owner })).statusCode).toBe(404);
    const foreignPost = await call(t.app, { method: 'POST', url: consentsUrl(foreign.id), as: owner, body });
    expect(foreignPost.statusCode).toBe(404);
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nEinwilligung von Lea Sommer, Unterschrift\n%%EOF\n');

function putEvidence(consentId: string, bytes: Buffer, as: Browser, type = 'application/pdf', org = orgId) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/orgs/${org}/consents/${consentId}/evidence`,
    headers: { cookie: `nahbar_session=${as.cookie}`, 'x-csrf-token': as.csrf, 'content-type': type },
    payload: bytes,
  });
}

function storedFiles(): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('evidence', () => {
  it('is stored sealed, shown to the privacy officer only, and every view is audited', async () => {
    const person = await addPerson(t, editor, orgId);
    const consent = await addConsent(t, editor, orgId, person.id);
    const before = storedFiles();
    const uploaded = await putEvidence(consent.id, PDF, editor, 'application/octet-stream');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ id: consent.id, hasEvidence: true });

    const added = storedFiles().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    const atRest = fs.readFileSync(added[0]!);
    expect(atRest.includes(Buffer.from('Lea Sommer'))).toBe(false);
    expect(atRest.includes(Buffer.from('%PDF'))).toBe(false);

    for (const who of [editor, contributor, owner]) {
      const denied = await call(t.app, { url: `/api/orgs/${orgId}/consents/${consent.id}/evidence`, as: who });
      expect(denied.statusCode).toBe(403);
    }
    const viewed = await call(t.app, { url: `/api/orgs/${orgId}/consents/${consent.id}/evidence`, as: officer });
    expect(viewed.statusCode).toBe(200);
    expect(viewed.rawPayload.equals(PDF)).toBe(true);
    expect(viewed.headers['content-type']).toBe('application/pdf');
    expect(viewed.headers['cache-control']).toBe('no-store');
    expect(viewed.headers['content-disposition']).toMatch(/^attachment; filename="einwilligung-[0-9a-f]{8}\.pdf"$/);
    await call(t.app, { url: `/api/orgs/${orgId}/consents/${consent.id}/evidence`, as: officer });
    const views = await auditRows(t, 'consent.evidence_viewed');
    expect(views.filter((v) => v.target_id === consent.id)).toHaveLength(2);
    expect(await auditRows(t, 'consent.evidence_uploaded')).toMatchObject([
      { target_id: consent.id, details: { personId: person.id, mime: 'application/pdf', replaced: false } },
    ]);

    // A new scan replaces the old one; the old file is gone from the store.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    expect((await putEvidence(consent.id, png, officer, 'application/pdf')).statusCode).toBe(200);
    expect(storedFiles().filter((f) => !before.includes(f))).toHaveLength(1);
    const again = await call(t.app, { url: `/api/orgs/${orgId}/consents/${consent.id}/evidence`, as: officer });
    expect(again.headers['content-type']).toBe('image/png');
    expect(again.rawPayload.equals(png)).toBe(true);
  });

  it('takes PDF, JPEG and PNG by their bytes, up to 15 MB, from people managers only', async () => {
    const person = await addPerson(t, editor, orgId);
    const consent = await addConsent(t, editor, orgId, person.id);
    const before = storedFiles().length;
    const html = await putEvidence(consent.id, Buffer.from('<html>%PDF-</html>'), editor, 'application/pdf');
    expect(html.statusCode).toBe(415);
    expect(html.json().error.code).toBe('evidence_type_unsupported');
    const empty = await putEvidence(consent.id, Buffer.alloc(0), editor);
    expect(empty.statusCode).toBe(400);
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(15 * 1024 * 1024)]);
    expect((await putEvidence(consent.id, huge, editor, 'image/jpeg')).statusCode).toBe(413);
    expect((await putEvidence(consent.id, PDF, contributor)).statusCode).toBe(403);
    expect(storedFiles().length).toBe(before);
    const jpeg = await putEvidence(consent.id, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), editor, 'text/plain');
    expect(jpeg.statusCode).toBe(200);
    const noFile = await addConsent(t, editor, orgId, person.id);
    const missing = await call(t.app, { url: `/api/orgs/${orgId}/consents/${noFile.id}/evidence`, as: officer });
    expect(missing.statusCode).toBe(404);
  });

  it('answers 404 for another organisation’s consent', async () => {
    const otherOrg = await addOtherOrg(t, owner);
    const foreignPerson = await addPerson(t, owner, otherOrg);
    const foreign = await addConsent(t, owner, otherOrg, foreignPerson.id);
    expect((await putEvidence(foreign.id, PDF, owner)).statusCode).toBe(404);
    expect(
      (await call(t.app, { url: `/api/orgs/${orgId}/consents/${foreign.id}/evidence`, as: officer })).statusCode,
    ).toBe(404);
  });
});
