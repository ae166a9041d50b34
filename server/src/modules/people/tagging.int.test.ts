import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { pdfText } from '../consent-links/pdf-text.ts';
import { addChannel, addMedia } from '../posts/test-fixtures.ts';
import { addConsent, addOtherOrg, addPerson, auditRows } from './test-people.ts';

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
  contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Beitrag');
  viewer = await addMember(t, owner, orgId, ['viewer']);
});

/** A post with one image on one channel, written directly: the composer is not under test here. */
async function addPost(org: string, authorId: string, mediaId: string | null, text = 'Sommerfest im Garten') {
  const post = await t.db.$client.query<{ id: string }>(
    'insert into posts (org_id, author_id, text) values ($1, $2, $3) returning id',
    [org, authorId, text],
  );
  const postId = post.rows[0]!.id;
  if (mediaId) {
    await t.db.$client.query(
      'insert into post_media (post_id, position, org_id, media_id, alt) values ($1, 0, $2, $3, $4)',
      [postId, org, mediaId, 'Kinder beim Spielen'],
    );
  }
  const channelId = await addChannel(t, org, 'bluesky', 'Bluesky Jugendhilfe');
  await t.db.$client.query(
    `insert into post_targets (org_id, post_id, channel_id, state, remote_url) values ($1, $2, $3, 'published', $4)`,
    [org, postId, channelId, 'https://bsky.app/profile/x/post/1'],
  );
  return postId;
}

const mediaPeopleUrl = (mediaId: string, org = orgId) => `/api/orgs/${org}/media/${mediaId}/people`;

describe('tagging images', () => {
  it('starts unreviewed, replaces tags and review in one go, and lists a person’s images', async () => {
    const image = await addMedia(t, orgId);
    const lea = await addPerson(t, editor, orgId, { displayName: 'Lea', birthDate: '2016-05-01' });
    const tom = await addPerson(t, editor, orgId, { displayName: 'Tom' });
    const fresh = await call(t.app, { url: mediaPeopleUrl(image), as: contributor });
    expect(
      (await call(t.app, { url: `/api/orgs/${orgId}/media/${image}/info`, as: contributor })).json().people,
    ).toEqual({
      status: 'unreviewed',
      count: 0,
    });
    expect(fresh.json()).toEqual({
      mediaId: image,
      status: 'unreviewed',
      reason: null,
      people: [],
      reviewedByName: null,
      reviewedAt: null,
    });

    const box = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
    const tagged = await call(t.app, {
      method: 'PUT',
      url: mediaPeopleUrl(image),
      as: contributor,
      body: { status: 'tagged', people: [{ personId: lea.id, box }, { personId: tom.id }] },
    });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json()).toMatchObject({
      status: 'tagged',
      reviewedByName: 'Carla Beitrag',
      people: [
        { personId: lea.id, displayName: 'Lea', ageGroup: 'child', box },
        { personId: tom.id, displayName: 'Tom', ageGroup: 'adult', box: null },
      ],
    });
    // The library's card reads the same status from the list, without asking per image.
    const inLibrary = async () =>
      (await call(t.app, { url: `/api/orgs/${orgId}/media`, as: contributor }))
        .json()
        .items.find((m: { id: string }) => m.id === image).people;
    expect(await inLibrary()).toEqual({ status: 'tagged', count: 2 });
    const leaMedia = await call(t.app, { url: `/api/orgs/${orgId}/people/${lea.id}/media`, as: editor });
    expect(leaMedia.json().items).toMatchObject([
      { mediaId: image, thumbUrl: `/api/orgs/${orgId}/media/${image}/thumb`, box },
    ]);

    // § 23 KUG: no people, a reason; Lea's list is empty again.
    const crowd = await call(t.app, {
      method: 'PUT',
      url: mediaPeopleUrl(image),
      as: editor,
      body: { status: 'kug23', reason: 'Menschenmenge beim Stadtfest' },
    });
    expect(crowd.json()).toMatchObject({ status: 'kug23', reason: 'Menschenmenge beim Stadtfest', people: [] });
    expect(await inLibrary()).toEqual({ status: 'kug23', count: 0 });
    expect((await call(t.app, { url: `/api/orgs/${orgId}/people/${lea.id}/media`, as: editor })).json().items).toEqual(
      [],
    );
    const audit = await auditRows(t, 'media.people_tagged');
    expect(audit.map((a) => a.details)).toEqual([
      { status: 'tagged', personIds: [lea.id, tom.id] },
      { status: 'kug23', personIds: [] },
    ]);
  });

  it('refuses unknown people, missing reasons and readers without the right', async () => {
    const image = await addMedia(t, orgId);
    const person = await addPerson(t, editor, orgId);
    const otherOrg = await addOtherOrg(t, owner);
    const foreign = await addPerson(t, owner, otherOrg);
    const put = (body: unknown, as = editor) => call(t.app, { method: 'PUT', url: mediaPeopleUrl(image), as, body });

    const unknown = await put({ status: 'tagged', people: [{ personId: person.id }, { personId: foreign.id }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details).toMatchObject([{ field: 'people.1.personId', code: 'unknown_person' }]);
    expect((await call(t.app, { url: mediaPeopleUrl(image), as: editor })).json().status).toBe('unreviewed');
    const noReason = await put({ status: 'kug23' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    expect((await put({ status: 'none' }, viewer)).statusCode).toBe(403);
    expect((await call(t.app, { url: mediaPeopleUrl(image), as: viewer })).statusCode).toBe(403);
    expect((await put({ status: 'none' }, officer)).statusCode).toBe(200);

    const foreignImage = await addMedia(t, otherOrg);
    expect((await call(t.app, { url: mediaPeopleUrl(foreignImage), as: editor })).statusCode).toBe(404);
    const foreignPut = await call(t.app, {
      method: 'PUT',
      url: mediaPeopleUrl(foreignImage),
      as: owner,
      body: { status: 'none' },
    });
    expect(foreignPut.statusCode).toBe(404);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/people/${foreign.id}/media`, as: owner })).statusCode).toBe(
      404,
    );
  });
});

describe('people named in a post', () => {
  it('sets and reads the named people; contributors only on their own posts', async () => {
    const anna = await addPerson(t, editor, orgId, { displayName: 'Anna', ageBand: '14_17' });
    const own = await addPost(orgId, contributor.userId, null);
    const others = await addPost(orgId, editor.userId, null);
    const url = (postId: string) => `/api/orgs/${orgId}/posts/${postId}/people`;
    expect((await call(t.app, { url: url(own), as: editor })).json()).toEqual({ named: [] });
    const set = await call(t.app, { method: 'PUT', url: url(own), as: contributor, body: { named: [anna.id] } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ named: [{ id: anna.id, displayName: 'Anna', ageGroup: 'youth' }] });
    const notOwn = await call(t.app, { method: 'PUT', url: url(others), as: contributor, body: { named: [anna.id] } });
    expect(notOwn.statusCode).toBe(403);
    const twice = await call(t.app, {
      method: 'PUT',
      url: url(others),
      as: editor,
      body: { named: [anna.id, anna.id] },
    });
    expect(twice.json().error.details).toMatchObject([{ field: 'named.1', code: 'duplicate' }]);
    expect((await call(t.app, { method: 'PUT', url: url(own), as: viewer, body: { named: [] } })).statusCode).toBe(403);
    expect(await auditRows(t, 'post.people_named')).toMatchObject([
      { target_id: own, details: { personIds: [anna.id] } },
    ]);

    const otherOrg = await addOtherOrg(t, owner);
    const foreignPost = await addPost(otherOrg, owner.userId, null);
    expect((await call(t.app, { url: url(foreignPost), as: owner })).statusCode).toBe(404);
  });
});

describe('data-subject export', () => {
  it('holds the person, consents, tags, posts and audit entries, for the privacy officer only', async () => {
    const person = await addPerson(t, officer, orgId, {
      displayName: 'Jörg Weiß',
      birthDate: '2012-02-29',
      guardians: [{ name: 'Ülkü Weiß', contact: 'Straße 1, Köln' }],
      notes: 'Nur von hinten fotografieren',
    });
    const consent = await addConsent(t, editor, orgId, person.id, { givenBy: ['guardian_1'] });
    const image = await addMedia(t, orgId);
    await call(t.app, {
      method: 'PUT',
      url: mediaPeopleUrl(image),
      as: editor,
      body: { status: 'tagged', people: [{ personId: person.id }] },
    });
    const depictedPost = await addPost(orgId, editor.userId, image, 'Ausflug 🌞 an den See');
    const namedPost = await addPost(orgId, editor.userId, null, 'Danke an alle');
    await call(t.app, {
      method: 'PUT',
      url: `/api/orgs/${orgId}/posts/${namedPost}/people`,
      as: editor,
      body: { named: [person.id] },
    });

    const url = `/api/orgs/${orgId}/people/${person.id}/export`;
    for (const who of [editor, owner, contributor]) {
      expect((await call(t.app, { url: `${url}.json`, as: who })).statusCode).toBe(403);
    }
    const json = await call(t.app, { url: `${url}.json`, as: officer });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['cache-control']).toBe('no-store');
    const data = json.json();
    expect(data.person).toMatchObject({ displayName: 'Jörg Weiß', notes: 'Nur von hinten fotografieren' });
    expect(data.consents).toMatchObject([{ id: consent.id, givenBy: ['guardian_1'] }]);
    expect(data.media).toMatchObject([{ mediaId: image, box: null }]);
    expect(data.posts).toEqual(
      expect.arrayContaining([
        {
          postId: depictedPost,
          excerpt: 'Ausflug 🌞 an den See',
          how: 'depicted',
          targets: [
            { channelName: 'Bluesky Jugendhilfe', state: 'published', remoteUrl: 'https://bsky.app/profile/x/post/1' },
          ],
        },
        expect.objectContaining({ postId: namedPost, how: 'named' }),
      ]),
    );
    expect(data.posts).toHaveLength(2);
    expect(data.audit.map((a: { action: string }) => a.action)).toEqual(['person.created', 'consent.recorded']);

    const pdf = await call(t.app, { url: `${url}.pdf`, as: officer });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    const doc = await PDFDocument.load(pdf.rawPayload);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe('Auskunft über gespeicherte Daten (Art. 15 DSGVO)');
    const text = (await pdfText(pdf.rawPayload)).lines.flat().join('\n');
    for (const shown of [
      'Jörg Weiß',
      'Ülkü Weiß (Straße 1, Köln)',
      'Nur von hinten fotografieren',
      'Ausflug ? an den See',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).toContain('Bluesky Jugendhilfe: published');
    expect(await auditRows(t, 'person.exported')).toMatchObject([
      { target_id: person.id, details: { format: 'json' } },
      { target_id: person.id, details: { format: 'pdf' } },
    ]);
    // The audit log keeps ids only: no name, note or birth date of the person.
    const everything = JSON.stringify((await t.db.$client.query('select details from audit_log')).rows);
    for (const secret of ['Jörg', 'Ülkü', 'hinten', '2012-02-29']) expect(everything).not.toContain(secret);

    const otherOrg = await addOtherOrg(t, owner);
    const foreign = await addPerson(t, owner, otherOrg);
    expect(
      (await call(t.app, { url: `/api/orgs/${orgId}/people/${foreign.id}/export.json`, as: officer })).statusCode,
    ).toBe(404);
  });
});
