import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addChannel, addMedia, count, markPublished } from './test-fixtures.ts';

let t: TestApp;
let owner: Browser;
let editor: Browser;
let contributor: Browser;
let orgId: string;
let bluesky: string;
let feed: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Editor');
  contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Contributor');
  bluesky = await addChannel(t, orgId, 'bluesky', 'Bluesky Nord');
  feed = await addChannel(t, orgId, 'feed', 'Website');
});

const url = (id: string, rest = '') => `/api/orgs/${orgId}/posts/${id}${rest}`;

async function draft(as: Browser = owner, body: Record<string, unknown> = {}) {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as,
    body: { text: 'Erster Entwurf', targets: [{ channelId: bluesky }], when: { mode: 'draft' }, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; targets: { id: string; channelId: string }[] };
}

const patch = (id: string, body: Record<string, unknown>, as: Browser = owner) =>
  call(t.app, { method: 'PATCH', url: url(id), as, body });
const versions = async (id: string) => (await call(t.app, { url: url(id, '/versions'), as: owner })).json();
const audits = async (id: string, action: string) =>
  (await t.db.$client.query('select 1 from audit_log where target_id = $1 and action = $2', [id, action])).rowCount;

describe('PATCH /posts/:id (autosave and edits)', () => {
  it('autosaves many times into one version, and starts a new one after ten minutes or by someone else', async () => {
    const post = await draft();
    for (let version = 1; version <= 5; version += 1) {
      const res = await patch(post.id, { baseVersion: version, text: `Entwurf ${version}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ version: version + 1, text: `Entwurf ${version}` });
    }
    expect((await versions(post.id)).map((v: { version: number }) => v.version)).toEqual([6]);
    expect(await audits(post.id, 'post.updated')).toBe(0);

    t.advance(11 * 60_000);
    await patch(post.id, { baseVersion: 6, text: 'Nach der Pause', tags: ['Sommerfest'] });
    await patch(post.id, { baseVersion: 7, text: 'Von Emil' }, editor);
    const list = await versions(post.id);
    expect(list.map((v: { version: number; authorName: string }) => [v.version, v.authorName])).toEqual([
      [8, 'Emil Editor'],
      [7, 'Olga Owner'],
      [6, 'Olga Owner'],
    ]);
    expect(list[1].snapshot).toMatchObject({ text: 'Nach der Pause', tags: ['Sommerfest'] });
    expect(await audits(post.id, 'post.updated')).toBe(2);

    // A template replaces Emil's text a minute later: his words stay in the history.
    await patch(post.id, { baseVersion: 8, text: 'Aus der Vorlage', checkpoint: true }, editor);
    const afterTemplate = await versions(post.id);
    expect(afterTemplate.map((v: { version: number }) => v.version)).toEqual([9, 8, 7, 6]);
    expect(afterTemplate[1].snapshot.text).toBe('Von Emil');
  });

  it('refuses a save on an outdated version with 409 and the current version', async () => {
    const post = await draft();
    await patch(post.id, { baseVersion: 1, text: 'Olgas Fassung' });
    const res = await patch(post.id, { baseVersion: 1, text: 'Emils ältere Fassung' }, editor);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const now = await call(t.app, { url: url(post.id), as: owner });
    expect(now.json()).toMatchObject({ text: 'Olgas Fassung', version: 2 });
  });

  it('adds new channels as drafts, deletes removed unpublished ones, keeps what went out with its words', async () => {
    const mastodon = await addChannel(t, orgId, 'mastodon');
    const post = await draft(owner, { targets: [{ channelId: bluesky }, { channelId: feed }] });
    const [bsky] = post.targets;
    await markPublished(t, bsky!.id);
    const res = await patch(post.id, {
      baseVersion: 1,
      text: 'Neue Basis',
      targets: [{ channelId: mastodon, contentWarning: 'Gewalt' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const targets = res.json().targets as { channelId: string; state: string; text: string | null }[];
    expect(targets.map((x) => [x.channelId, x.state, x.text])).toEqual([
      [bluesky, 'published', 'Erster Entwurf'],
      [mastodon, 'draft', null],
    ]);
  });

  it('keeps scheduled targets publishable: an edit that breaks them saves nothing', async () => {
    const mediaId = await addMedia(t, orgId);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const created = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as: owner,
      body: {
        text: 'Geplant',
        media: [{ mediaId, alt: 'Ein Garten' }],
        targets: [{ channelId: feed }],
        when: { mode: 'at', at },
      },
    });
    const post = created.json();
    const before = await count(t, 'post_versions');
    const tooLong = await patch(post.id, { baseVersion: 1, text: 'x'.repeat(5001) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.details[0]).toMatchObject({ field: 'targets.0.text', code: 'too_long' });
    const noAlt = await patch(post.id, { baseVersion: 1, media: [{ mediaId, alt: '' }] });
    expect(noAlt.json().error.details[0]).toMatchObject({ field: 'media.0.alt', code: 'alt_missing' });
    const after = await call(t.app, { url: url(post.id), as: owner });
    expect(after.json()).toMatchObject({ version: 1, text: 'Geplant', media: [{ alt: 'Ein Garten' }] });
    expect(await count(t, 'post_versions')).toBe(before);
    expect((await patch(post.id, { baseVersion: 1, text: 'Geplant, korrigiert' })).statusCode).toBe(200);
  });

  it('lets contributors edit only their own drafts; viewers and foreign ids get nothing', async () => {
    const own = await draft(contributor);
    expect((await patch(own.id, { baseVersion: 1, text: 'Meins' }, contributor)).statusCode).toBe(200);
    const others = await draft(owner);
    expect((await patch(others.id, { baseVersion: 1, text: 'Fremd' }, contributor)).statusCode).toBe(403);
    // A contributor's suggestion is never scheduled directly: it goes to review, and is theirs no more.
    const planned = await call(t.app, {
      method: 'POST',
      url: url(own.id, '/schedule'),
      as: owner,
      body: { when: { mode: 'at', at: new Date(Date.now() + 86_400_000).toISOString() } },
    });
    expect(planned.json().error.code).toBe('approval_required');
    const submitted = await call(t.app, {
      method: 'POST',
      url: url(own.id, '/submit'),
      as: contributor,
      body: { when: { mode: 'draft' } },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await patch(own.id, { baseVersion: 2, text: 'Nach dem Einreichen' }, contributor)).statusCode).toBe(403);
    const viewer = await addMember(t, owner, orgId, ['viewer']);
    expect((await patch(others.id, { baseVersion: 1, text: 'x' }, viewer)).statusCode).toBe(403);
    expect((await patch('00000000-0000-4000-8000-000000000000', { baseVersion: 1 })).statusCode).toBe(404);
    const bad = await patch(others.id, { baseVersion: 0, tags: 'Sommerfest' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['baseVersion', 'tags']);
  });
});

describe('versions', () => {
  it('restores an earlier version as a new one', async () => {
    const post = await draft(owner, { tags: ['Alt'] });
    t.advance(11 * 60_000);
    await patch(post.id, { baseVersion: 1, text: 'Überarbeitet', tags: ['Neu'], targets: [{ channelId: feed }] });
    const res = await call(t.app, {
      method: 'POST',
      url: url(post.id, '/versions/1/restore'),
      as: owner,
      body: { baseVersion: 2 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 3, text: 'Erster Entwurf', tags: ['Alt'] });
    expect(res.json().targets.map((x: { channelId: string }) => x.channelId)).toEqual([bluesky]);
    expect((await versions(post.id)).map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(await audits(post.id, 'post.restored')).toBe(1);
    const stale = await call(t.app, {
      method: 'POST',
      url: url(post.id, '/versions/1/restore'),
      as: owner,
      body: { baseVersion: 2 },
    });
    expect(stale.statusCode).toBe(409);
    const missing = await call(t.app, {
      method: 'POST',
      url: url(post.id, '/versions/9/restore'),
      as: owner,
      body: { baseVersion: 3 },
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('POST /posts/:id/schedule and DELETE /posts/:id', () => {
  it('schedules every target not yet out, and takes them back to draft', async () => {
    const post = await draft(owner, { targets: [{ channelId: bluesky }, { channelId: feed }] });
    await markPublished(t, post.targets[0]!.id);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const res = await call(t.app, {
      method: 'POST',
      url: url(post.id, '/schedule'),
      as: owner,
      body: { when: { mode: 'at', at } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().targets.map((x: { state: string }) => x.state)).toEqual(['published', 'scheduled']);
    const back = await call(t.app, {
      method: 'POST',
      url: url(post.id, '/schedule'),
      as: owner,
      body: { when: { mode: 'draft' } },
    });
    expect(back.json().targets.map((x: { state: string; dueAt: string | null }) => [x.state, x.dueAt])).toEqual([
      ['published', null],
      ['draft', null],
    ]);
    const byContributor = await call(t.app, {
      method: 'POST',
      url: url(post.id, '/schedule'),
      as: contributor,
      body: { when: { mode: 'now' } },
    });
    expect(byContributor.statusCode).toBe(403);
    const queue = await call(t.app, {
      method: 'POST',
      url: url(post.id, '/schedule'),
      as: owner,
      body: { when: { mode: 'queue' } },
    });
    expect(queue.json().error).toMatchObject({ code: 'no_posting_slots' });
  });

  it('discards a draft with everything in it, but never a post that went out', async () => {
    const post = await draft();
    await patch(post.id, { baseVersion: 1, text: 'Noch ein Entwurf' });
    const others = await draft(owner);
    expect((await call(t.app, { method: 'DELETE', url: url(others.id), as: contributor })).statusCode).toBe(403);
    const res = await call(t.app, { method: 'DELETE', url: url(post.id), as: owner });
    expect(res.statusCode).toBe(204);
    expect((await call(t.app, { url: url(post.id), as: owner })).statusCode).toBe(404);
    const left = await t.db.$client.query('select 1 from post_versions where post_id = $1', [post.id]);
    expect(left.rowCount).toBe(0);
    expect(await audits(post.id, 'post.deleted')).toBe(1);

    const out = await draft();
    await markPublished(t, out.targets[0]!.id);
    const refused = await call(t.app, { method: 'DELETE', url: url(out.id), as: owner });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('target_state');
    expect((await call(t.app, { method: 'DELETE', url: url(post.id), as: owner })).statusCode).toBe(404);
  });
});
