import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { secondOrg } from '../consent-links/test-factories.ts';
import { addChannel } from '../posts/test-fixtures.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let channelId: string;
const people: Record<string, Browser> = {};

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  for (const role of ['editor', 'contributor', 'approver', 'privacy_officer', 'viewer']) {
    people[role] = await addMember(t, owner, orgId, [role], `Person ${role}`);
  }
  channelId = await addChannel(t, orgId, 'mastodon', 'Mastodon Nord');
});

async function draft(as: Browser, text = 'Sommerfest am Samstag') {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as,
    body: { text, targets: [{ channelId }], when: { mode: 'draft' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

const comments = (postId: string, as: Browser) =>
  call(t.app, { url: `/api/orgs/${orgId}/posts/${postId}/comments`, as });
const comment = (postId: string, as: Browser, body: Record<string, unknown>) =>
  call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/posts/${postId}/comments`, as, body });

describe('comments on a post', () => {
  it('records the version, the quote and the channel, lists oldest first and resolves', async () => {
    const post = await draft(people.editor!);
    await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}/posts/${post.id}`,
      as: people.editor!,
      body: { baseVersion: 1, text: 'Sommerfest am Samstag, 14 Uhr' },
    });
    const first = await comment(post.id, people.approver!, { quote: '14 Uhr', body: 'Eher 15 Uhr?' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      version: 2,
      quote: '14 Uhr',
      channelId: null,
      authorName: 'Person approver',
      resolvedAt: null,
    });
    const onVariant = await comment(post.id, owner, { channelId, body: 'Inhaltswarnung ergänzen' });
    expect(onVariant.json()).toMatchObject({ channelId, authorName: 'Olga Owner' });

    const list = await comments(post.id, people.editor!);
    expect(list.json().items.map((c: { body: string }) => c.body)).toEqual(['Eher 15 Uhr?', 'Inhaltswarnung ergänzen']);

    const resolved = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/comments/${first.json().id}/resolve`,
      as: people.editor!,
      body: {},
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().resolvedAt).not.toBeNull();

    const audit = await t.db.$client.query(
      "select details from audit_log where action = 'post.comment_added' and target_id = $1",
      [post.id],
    );
    expect(audit.rows.map((r) => r.details.commentId).sort()).toEqual([first.json().id, onVariant.json().id].sort());
  });

  it('lets everybody who writes or decides comment; contributors only on their own posts; viewers not', async () => {
    const editorsPost = await draft(people.editor!);
    const contributorsPost = await draft(people.contributor!);
    for (const role of ['editor', 'approver', 'privacy_officer']) {
      expect((await comment(editorsPost.id, people[role]!, { body: `Von ${role}` })).statusCode).toBe(201);
    }
    expect((await comment(editorsPost.id, people.viewer!, { body: 'Darf ich?' })).statusCode).toBe(403);
    expect((await comments(editorsPost.id, people.viewer!)).statusCode).toBe(403);
    // Someone else's post does not exist for a contributor.
    expect((await comment(editorsPost.id, people.contributor!, { body: 'Hm' })).statusCode).toBe(404);
    expect((await comments(editorsPost.id, people.contributor!)).statusCode).toBe(404);
    const own = await comment(contributorsPost.id, people.contributor!, { body: 'Bitte kurz prüfen' });
    expect(own.statusCode).toBe(201);
    expect((await comments(contributorsPost.id, people.contributor!)).json().items).toHaveLength(1);
  });

  it('refuses an empty comment and a channel the post does not go to', async () => {
    const post = await draft(owner);
    expect((await comment(post.id, owner, { body: '   ' })).statusCode).toBe(400);
    const other = await addChannel(t, orgId, 'bluesky');
    expect((await comment(post.id, owner, { channelId: other, body: 'Hier?' })).statusCode).toBe(404);
  });

  it('answers 404 for another organisation’s post and comment', async () => {
    const post = await draft(owner);
    const made = await comment(post.id, owner, { body: 'Intern' });
    const otherOrg = await secondOrg(t, owner);
    const stranger = await addMember(t, owner, otherOrg, ['editor'], 'Fremde Redakteurin');
    expect((await comments(post.id, stranger)).statusCode).toBe(404);
    expect(
      (await call(t.app, { url: `/api/orgs/${otherOrg}/posts/${post.id}/comments`, as: stranger })).statusCode,
    ).toBe(404);
    const resolve = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${otherOrg}/comments/${made.json().id}/resolve`,
      as: stranger,
      body: {},
    });
    expect(resolve.statusCode).toBe(404);
  });
});
