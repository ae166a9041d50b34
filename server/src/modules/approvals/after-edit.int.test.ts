import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifications, postReviews, postTargets } from '../../db/schema/index.ts';
import { publishTarget } from '../../jobs/publish-target.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addChannel } from '../posts/test-fixtures.ts';
import { addApproval, addReview, LEITUNG } from './links-fixtures.ts';

let t: TestApp;
let owner: Browser;
let editor: Browser;
let approver: Browser;
let approvingEditor: Browser;
let orgId: string;
let channelId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Editor');
  approver = await addMember(t, owner, orgId, ['approver'], 'Anna Approver');
  approvingEditor = await addMember(t, owner, orgId, ['approver', 'editor'], 'Lena Leitung');
  channelId = await addChannel(t, orgId, 'bluesky', 'Bluesky Nord');
});

const TEXT = 'Am Samstag feiern wir unser Sommerfest im Garten der Einrichtung. Alle sind herzlich eingeladen!';

/** A post by Emil, scheduled for tomorrow, whose review approved version 1. */
async function approvedAndScheduled(opts: { minorEditsKeepApproval?: boolean; approvedBy?: Browser } = {}) {
  const at = new Date(t.deps.clock().getTime() + 86_400_000).toISOString();
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: editor,
    body: { text: TEXT, targets: [{ channelId }], when: { mode: 'at', at } },
  });
  expect(res.statusCode, res.body).toBe(201);
  const post = res.json() as { id: string; targets: { id: string; state: string }[] };
  expect(post.targets[0]!.state).toBe('scheduled');
  const review = await addReview(t, orgId, post.id, {
    steps: [LEITUNG],
    status: 'approved',
    minorEditsKeepApproval: opts.minorEditsKeepApproval ?? false,
    when: { mode: 'at', at },
    submittedBy: editor.userId,
  });
  await addApproval(t, orgId, review.id, (opts.approvedBy ?? approver).userId);
  return { postId: post.id, targetId: post.targets[0]!.id, reviewId: review.id };
}

const edit = (postId: string, as: Browser, text: string) =>
  call(t.app, { method: 'PATCH', url: `/api/orgs/${orgId}/posts/${postId}`, as, body: { baseVersion: 1, text } });
const targetState = async (id: string) => (await t.db.select().from(postTargets).where(eq(postTargets.id, id)))[0]!;
const rounds = (postId: string) =>
  t.db.select().from(postReviews).where(eq(postReviews.postId, postId)).orderBy(desc(postReviews.submittedAt));

describe('editing a post after approval', () => {
  it('sends an approved, scheduled post its author changes back to the first step; it is no longer due', async () => {
    const { postId, targetId, reviewId } = await approvedAndScheduled();
    const res = await edit(postId, editor, `${TEXT} Mit Kuchenbuffet und Hüpfburg für die Kinder.`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().targets[0].state).toBe('in_review');

    const [current, previous] = await rounds(postId);
    expect(previous).toMatchObject({ id: reviewId, status: 'withdrawn' });
    expect(previous!.closedAt).not.toBeNull();
    expect(current).toMatchObject({ status: 'in_review', currentStep: 0, submittedVersion: 2, approvedVersion: null });
    expect(current!.when).toEqual(previous!.when);

    // The publish job that was waiting for tomorrow finds nothing to do.
    t.advance(2 * 86_400_000);
    await publishTarget(t.deps, targetId);
    expect((await targetState(targetId)).state).toBe('in_review');
    t.advance(-2 * 86_400_000);

    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.type, 'review_requested'), eq(notifications.link, `/beitraege/${postId}`)));
    expect(told.map((n) => n.userId).sort()).toEqual([approver.userId, approvingEditor.userId].sort());
    const audit = await t.db.$client.query(
      "select details from audit_log where action = 'review.restarted' and target_id = $1",
      [current!.id],
    );
    expect(audit.rows[0]!.details).toMatchObject({ postId, previousReviewId: reviewId, version: 2 });

    // The diff compares with what was approved.
    const diff = await call(t.app, { url: `/api/orgs/${orgId}/posts/${postId}/review-diff`, as: approver });
    expect(diff.json()).toMatchObject({ approvedVersion: 1, currentVersion: 2, fields: [{ field: 'text' }] });
    expect(diff.json().fields).toHaveLength(1);
  });

  it('keeps the approval when the approver fixes one word and the policy allows it', async () => {
    const { postId, targetId, reviewId } = await approvedAndScheduled({
      minorEditsKeepApproval: true,
      approvedBy: approvingEditor,
    });
    const res = await edit(postId, approvingEditor, TEXT.replace('feiern', 'feieren').replace('feieren', 'feiern!'));
    expect(res.statusCode, res.body).toBe(200);
    const target = await targetState(targetId);
    expect(target.state).toBe('scheduled');
    expect(target.dueAt).not.toBeNull();
    const [only, ...none] = await rounds(postId);
    expect(none).toHaveLength(0);
    expect(only).toMatchObject({ id: reviewId, status: 'approved', approvedVersion: 2 });
    // Another edit by someone who did not approve restarts it after all.
    const again = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}/posts/${postId}`,
      as: editor,
      body: { baseVersion: 2, text: `${TEXT} Neu.` },
    });
    expect(again.json().targets[0].state).toBe('in_review');
  });

  it('restarts on the same one-word fix when the policy does not allow minor edits', async () => {
    const { postId, targetId } = await approvedAndScheduled({ approvedBy: approvingEditor });
    const res = await edit(postId, approvingEditor, TEXT.replace('feiern', 'feiern!'));
    expect(res.statusCode, res.body).toBe(200);
    expect((await targetState(targetId)).state).toBe('in_review');
    expect((await rounds(postId)).map((r) => r.status)).toEqual(['in_review', 'withdrawn']);
  });

  it('keeps the approval for a change of tags only, bumping the approved version', async () => {
    const { postId, targetId, reviewId } = await approvedAndScheduled();
    const res = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}/posts/${postId}`,
      as: editor,
      body: { baseVersion: 1, tags: ['sommerfest'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await targetState(targetId)).state).toBe('scheduled');
    expect((await rounds(postId))[0]).toMatchObject({ id: reviewId, approvedVersion: 2 });
  });

  it('refuses an edit that makes a planned post need an approval it does not have', async () => {
    await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/approval-policies`,
      as: owner,
      body: { name: 'Sensibel', steps: [LEITUNG], rules: { tags: ['sensibel'] } },
    });
    const at = new Date(t.deps.clock().getTime() + 86_400_000).toISOString();
    const created = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as: editor,
      body: { text: TEXT, targets: [{ channelId }], when: { mode: 'at', at } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json() as { id: string; targets: { id: string }[] };
    const res = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}/posts/${post.id}`,
      as: editor,
      body: { baseVersion: 1, tags: ['sensibel'] },
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('approval_required');
    const target = await targetState(post.targets[0]!.id);
    expect(target.state).toBe('scheduled');
    const [row] = (await t.db.$client.query('select version, tags from posts where id = $1', [post.id])).rows;
    expect(row).toEqual({ version: 1, tags: [] });
  });
});
