import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels, postTargets } from '../../db/schema/index.ts';
import { markPublished } from '../../jobs/outcome.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { secondOrg } from '../consent-links/test-factories.ts';
import { addChannel } from '../posts/test-fixtures.ts';

let t: TestApp;
let owner: Browser;
let editor: Browser;
let approver: Browser;
let contributor: Browser;
let orgId: string;
let channelId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Editor');
  approver = await addMember(t, owner, orgId, ['approver'], 'Anna Approver');
  contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Contributor');
  channelId = await addChannel(t, orgId, 'bluesky', 'Bluesky Nord');
  await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/approval-policies`,
    as: owner,
    body: { name: 'Leitung', steps: [{ name: 'Leitung', roles: ['approver'], mode: 'any' }], rules: { always: true } },
  });
});

const url = (postId: string, rest: string) => `/api/orgs/${orgId}/posts/${postId}${rest}`;

async function draftBy(as: Browser, text: string) {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as,
    body: { text, targets: [{ channelId }], when: { mode: 'draft' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function submitAndApprove(postId: string, when: Record<string, unknown>) {
  const submit = await call(t.app, { method: 'POST', url: url(postId, '/submit'), as: editor, body: { when } });
  expect(submit.statusCode, submit.body).toBeLessThan(300);
  const review = (await call(t.app, { url: url(postId, '/review'), as: approver })).json() as { id: string };
  const post = (await call(t.app, { url: url(postId, ''), as: approver })).json() as { version: number };
  const decided = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/reviews/${review.id}/decisions`,
    as: approver,
    body: { decision: 'approve', comment: null, baseVersion: post.version },
  });
  expect(decided.statusCode, decided.body).toBe(200);
}

describe('the post timeline', () => {
  it('shows created → submitted → approved → published, with who and where', async () => {
    const postId = await draftBy(editor, 'Neues aus der Kita');
    await submitAndApprove(postId, { mode: 'at', at: new Date(Date.now() + 3_600_000).toISOString() });
    // What the engine records when the post went out.
    const [target] = await t.db
      .update(postTargets)
      .set({ state: 'publishing', attempts: 1 })
      .where(eq(postTargets.postId, postId))
      .returning();
    const [channel] = await t.db.select().from(channels).where(eq(channels.id, channelId));
    await markPublished(
      t.deps,
      target!,
      channel!,
      { remoteId: 'at://x/1', url: 'https://bsky.app/x/1', parts: [] } as never,
      'adapter',
    );

    const res = await call(t.app, { url: url(postId, '/timeline'), as: editor });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { action: string; actorName: string | null; channelName: string | null }[];
    const actions = items.map((i) => i.action);
    expect(actions.filter((a) => !a.startsWith('post.version'))).toEqual([
      'post.created',
      'review.submitted',
      'review.completed',
      'post.published',
    ]);
    expect(items[0]).toMatchObject({ actorName: 'Emil Editor' });
    expect(items.find((i) => i.action === 'review.completed')).toMatchObject({ actorName: 'Anna Approver' });
    expect(items.find((i) => i.action === 'post.published')).toMatchObject({ channelName: 'Bluesky Nord' });
  });

  it('lists version saves the audit has no entry for, and hides others’ posts from contributors', async () => {
    const postId = await draftBy(editor, 'Version eins');
    for (let v = 1; v <= 3; v += 1) {
      await call(t.app, {
        method: 'PATCH',
        url: url(postId, ''),
        as: editor,
        body: { baseVersion: v, text: `Fassung ${v}` },
      });
    }
    const items = (await call(t.app, { url: url(postId, '/timeline'), as: approver })).json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['post.created', 'post.version_saved']);
    expect(items[1]).toMatchObject({ actorName: 'Emil Editor', details: { version: 4 } });
    expect((await call(t.app, { url: url(postId, '/timeline'), as: contributor })).statusCode).toBe(404);
    const otherOrg = await secondOrg(t, owner);
    expect((await call(t.app, { url: `/api/orgs/${otherOrg}/posts/${postId}/timeline`, as: owner })).statusCode).toBe(
      404,
    );
  });
});

describe('the diff since approval', () => {
  it('lists only the changed fields against the approved version, variants by channel name', async () => {
    const postId = await draftBy(editor, 'Sommerfest am Samstag');
    const none = await call(t.app, { url: url(postId, '/review-diff'), as: approver });
    expect(none.json()).toEqual({ approvedVersion: null, currentVersion: 1, fields: [] });

    await submitAndApprove(postId, { mode: 'draft' });
    const edited = await call(t.app, {
      method: 'PATCH',
      url: url(postId, ''),
      as: editor,
      body: { baseVersion: 1, text: 'Sommerfest am Sonntag', targets: [{ channelId, text: 'Kurz: Sonntag!' }] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // The edit restarted the review; the diff compares with what was approved (the autosave
    // that folded version 1 away did not lose it).
    const diff = (await call(t.app, { url: url(postId, '/review-diff'), as: approver })).json();
    expect(diff).toEqual({
      approvedVersion: 1,
      currentVersion: 2,
      fields: [
        { field: 'text', before: 'Sommerfest am Samstag', after: 'Sommerfest am Sonntag' },
        { field: 'variant:Bluesky Nord', before: 'Sommerfest am Samstag', after: 'Kurz: Sonntag!' },
      ],
    });

    // Round two approved, then only the variant changes.
    const review = (await call(t.app, { url: url(postId, '/review'), as: approver })).json() as { id: string };
    const decided = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/reviews/${review.id}/decisions`,
      as: approver,
      body: { decision: 'approve', comment: null, baseVersion: 2 },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    await call(t.app, {
      method: 'PATCH',
      url: url(postId, ''),
      as: editor,
      body: { baseVersion: 2, targets: [{ channelId, text: 'Kurz: Sonntag, 15 Uhr!' }] },
    });
    const after = (await call(t.app, { url: url(postId, '/review-diff'), as: approver })).json();
    expect(after).toEqual({
      approvedVersion: 2,
      currentVersion: 3,
      fields: [{ field: 'variant:Bluesky Nord', before: 'Kurz: Sonntag!', after: 'Kurz: Sonntag, 15 Uhr!' }],
    });
  });
});
