import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addConsent, createPerson, reviewImage } from '../consent/test-factories.ts';
import { createFeedChannel, createImage } from '../feeds/test-factories.ts';
import {
  createPolicy,
  decide,
  getPost,
  LEITUNG,
  LEITUNG_UND_DATENSCHUTZ,
  REDAKTION,
  schedule,
  submit,
  writePost,
} from './test-factories.ts';

// The API role matrix: who may submit, who may decide which step, across organisations.
let t: TestApp;
let orgId: string;
let channelId: string;
let owner: Browser;
let editor: Browser;
let editor2: Browser;
let contributor: Browser;
let leitung: Browser;
let datenschutz: Browser;
let everything: Browser;
let stranger: Browser;
let strangerOrg: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app, 'Jugendhilfe Nord'));
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Redakteur');
  editor2 = await addMember(t, owner, orgId, ['editor'], 'Erika Redakteurin');
  contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Beitrag');
  leitung = await addMember(t, owner, orgId, ['approver'], 'Lars Leitung');
  datenschutz = await addMember(t, owner, orgId, ['privacy_officer'], 'Dana Datenschutz');
  everything = await addMember(t, owner, orgId, ['admin', 'editor', 'approver'], 'Alex Alles');
  // The stranger joins only long enough to have an account, founds their own organisation and leaves.
  const founder = await addMember(t, owner, orgId, ['viewer'], 'Berta Fremd');
  strangerOrg = (
    await call(t.app, { method: 'POST', url: '/api/orgs', as: founder, body: { name: 'Anderer Träger' } })
  ).json().id;
  await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/members/${founder.userId}`, as: founder });
  stranger = await addMember(t, founder, strangerOrg, ['owner', 'approver', 'editor'], 'Bruno Fremd');
  channelId = (await createFeedChannel(t.db, orgId)).id;
  await createPolicy(t, owner, orgId, { name: 'Sensibel', steps: [LEITUNG], rules: { tags: ['sensibel'] } });
  await createPolicy(t, owner, orgId, {
    name: 'Kinder im Bild',
    steps: [REDAKTION, LEITUNG_UND_DATENSCHUTZ],
    rules: { minorsDepicted: true },
  });
});

const reviewOf = async (as: Browser, postId: string) =>
  (await call(t.app, { url: `/api/orgs/${orgId}/posts/${postId}/review`, as })).json() as {
    id: string;
    status: string;
    currentStep: number;
  };

describe('approval policies', () => {
  it('only owners and admins write them; bad roles are 400, foreign channels 422 with the field; each change is audited', async () => {
    const body = { name: 'Ministerium', steps: [LEITUNG], rules: { channelIds: [channelId] } };
    const url = `/api/orgs/${orgId}/approval-policies`;
    expect((await call(t.app, { method: 'POST', url, as: editor, body })).statusCode).toBe(403);
    const badRole = await call(t.app, {
      method: 'POST',
      url,
      as: owner,
      body: { ...body, steps: [{ name: 'Chef', roles: ['chef'], mode: 'any' }] },
    });
    expect(badRole.statusCode).toBe(400);
    const foreign = (await createFeedChannel(t.db, strangerOrg)).id;
    const wrong = await call(t.app, {
      method: 'POST',
      url,
      as: owner,
      body: { ...body, rules: { channelIds: [foreign] } },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'input_invalid', details: [{ field: 'rules.channelIds.0' }] });

    const created = await call(t.app, { method: 'POST', url, as: owner, body });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await call(t.app, {
      method: 'PATCH',
      url: `${url}/${id}`,
      as: owner,
      body: { name: 'Ministerium (Bund)' },
    });
    expect(patched.json()).toMatchObject({ name: 'Ministerium (Bund)', steps: [LEITUNG], active: true });
    expect((await call(t.app, { url, as: contributor })).json().map((p: { name: string }) => p.name)).toContain(
      'Ministerium (Bund)',
    );
    expect((await call(t.app, { method: 'DELETE', url: `${url}/${id}`, as: owner })).statusCode).toBe(204);
    expect((await call(t.app, { method: 'DELETE', url: `${url}/${id}`, as: owner })).statusCode).toBe(404);
    const audit = await t.db.$client.query('select action from audit_log where target_id = $1 order by created_at', [
      id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['policy.created', 'policy.updated', 'policy.deleted']);
  });
});

describe('who may submit and schedule', () => {
  it('a contributor cannot schedule, submits only their own posts, and falls back to the Redaktion', async () => {
    const own = await writePost(t, contributor, orgId, channelId, { text: 'Vorschlag: Bericht vom Ausflug' });
    expect((await schedule(t, contributor, orgId, own.id, { mode: 'now' })).statusCode).toBe(403);
    const policy = await call(t.app, { url: `/api/orgs/${orgId}/posts/${own.id}/approval-policy`, as: contributor });
    expect(policy.json()).toMatchObject({ policy: { id: null, name: 'Redaktion' }, matched: ['fallback'] });
    const submitted = await submit(t, contributor, orgId, own.id);
    expect(submitted.statusCode).toBe(201);
    expect((await getPost(t, contributor, orgId, own.id)).targets[0]!.state).toBe('in_review');

    const others = await writePost(t, editor, orgId, channelId);
    expect((await submit(t, contributor, orgId, others.id)).statusCode).toBe(403);
  });

  it('an editor cannot schedule a post that needs approval, but can once it is approved', async () => {
    const post = await writePost(t, editor, orgId, channelId, { tags: ['sensibel'] });
    const refused = await schedule(t, editor, orgId, post.id, { mode: 'now' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('approval_required');
    const review = (await submit(t, editor, orgId, post.id)).json();
    const approved = await decide(t, leitung, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(approved.json()).toMatchObject({ status: 'approved', approvedVersion: 1 });
    expect((await getPost(t, editor, orgId, post.id)).targets[0]!.state).toBe('approved');
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await schedule(t, editor, orgId, post.id, { mode: 'at', at });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json().targets[0]).toMatchObject({ state: 'scheduled' });
  });

  it('an editor’s post that no policy matches schedules as before', async () => {
    const post = await writePost(t, editor, orgId, channelId, { text: 'Öffnungszeiten in den Ferien' });
    expect((await schedule(t, editor, orgId, post.id, { mode: 'draft' })).statusCode).toBe(200);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    expect((await schedule(t, editor, orgId, post.id, { mode: 'at', at })).statusCode).toBe(200);
  });
});

describe('who may decide', () => {
  it('the author never approves their own post, even as approver and admin', async () => {
    const post = await writePost(t, everything, orgId, channelId, { tags: ['sensibel'] });
    const review = (await submit(t, everything, orgId, post.id)).json();
    expect(review.you).toMatchObject({ canDecide: false, refusal: 'author' });
    const refused = await decide(t, everything, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'review_refused', details: { refusal: 'author' } });
  });

  it('a privacy officer cannot approve a Leitung-only step', async () => {
    const post = await writePost(t, editor, orgId, channelId, { tags: ['sensibel'] });
    const review = (await submit(t, editor, orgId, post.id)).json();
    const refused = await decide(t, datenschutz, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toEqual({ refusal: 'not_in_step' });
  });

  it('an "all" step needs one approval per role, from two different people', async () => {
    const child = await createPerson(t.db, orgId, { displayName: 'Mila', birthDate: '2016-03-01', guardians: 1 });
    await addConsent(t.db, orgId, child.id, { purpose: 'website', givenBy: ['guardian:0'] });
    const image = await createImage(t.db, orgId);
    await reviewImage(t.db, orgId, image.id, 'tagged', [child.id]);
    const post = await writePost(t, editor, orgId, channelId, { media: [{ mediaId: image.id, alt: 'Mila malt' }] });
    const review = (await submit(t, editor, orgId, post.id)).json();
    expect(review).toMatchObject({ policyName: 'Kinder im Bild', currentStep: 0 });
    // Step 0 is the Redaktion's: the Leitung is not asked yet.
    expect((await decide(t, leitung, orgId, review.id, { decision: 'approve', baseVersion: 1 })).statusCode).toBe(403);
    const first = await decide(t, editor2, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(first.json()).toMatchObject({ status: 'in_review', currentStep: 1 });
    const dana = await decide(t, datenschutz, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(dana.json()).toMatchObject({ status: 'in_review', currentStep: 1 });
    const again = await decide(t, datenschutz, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(again.json().error.details).toEqual({ refusal: 'already_decided' });
    const lars = await decide(t, leitung, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(lars.json()).toMatchObject({ status: 'approved', currentStep: 2 });
    expect(lars.json().decisions.map((d: { role: string }) => d.role)).toEqual([
      'editor',
      'privacy_officer',
      'approver',
    ]);
  });

  it('request changes needs a comment; a decision on an outdated version is refused', async () => {
    const post = await writePost(t, editor, orgId, channelId, { tags: ['sensibel'] });
    const review = (await submit(t, editor, orgId, post.id)).json();
    expect(
      (await decide(t, leitung, orgId, review.id, { decision: 'request_changes', baseVersion: 1 })).statusCode,
    ).toBe(400);
    const stale = await decide(t, leitung, orgId, review.id, { decision: 'approve', baseVersion: 0 + 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('review_version_stale');
    const changes = await decide(t, leitung, orgId, review.id, {
      decision: 'request_changes',
      comment: 'Bitte ohne Nachnamen.',
      baseVersion: 1,
    });
    expect(changes.json()).toMatchObject({ status: 'changes_requested' });
    expect((await getPost(t, editor, orgId, post.id)).targets[0]!.state).toBe('draft');
    expect((await reviewOf(editor, post.id)).status).toBe('changes_requested');
  });
});

describe('across organisations', () => {
  it('a member of another organisation gets 404 on every review route', async () => {
    const post = await writePost(t, editor, orgId, channelId, { tags: ['sensibel'] });
    const review = (await submit(t, editor, orgId, post.id)).json();
    const routes = [
      { url: `/api/orgs/${orgId}/approval-policies` },
      { url: `/api/orgs/${orgId}/posts/${post.id}/approval-policy` },
      { url: `/api/orgs/${orgId}/posts/${post.id}/review` },
      { url: `/api/orgs/${orgId}/reviews/queue` },
      { url: `/api/orgs/${orgId}/reviews/counts` },
      { method: 'POST' as const, url: `/api/orgs/${orgId}/posts/${post.id}/submit`, body: { when: { mode: 'draft' } } },
      {
        method: 'POST' as const,
        url: `/api/orgs/${orgId}/reviews/${review.id}/decisions`,
        body: { decision: 'approve', baseVersion: 1 },
      },
      // Their own organisation's path with our ids: still nothing.
      {
        method: 'POST' as const,
        url: `/api/orgs/${strangerOrg}/reviews/${review.id}/decisions`,
        body: { decision: 'approve', baseVersion: 1 },
      },
      { url: `/api/orgs/${strangerOrg}/posts/${post.id}/review` },
    ];
    for (const route of routes) {
      const response = await call(t.app, { ...route, as: stranger });
      expect(response.statusCode, route.url).toBe(404);
    }
    expect((await reviewOf(editor, post.id)).status).toBe('in_review');
  });

  it('the queue shows each approver what waits for them', async () => {
    const queue = (await call(t.app, { url: `/api/orgs/${orgId}/reviews/queue`, as: leitung })).json();
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((i: { review: { you: { canDecide: boolean } } }) => i.review.you.canDecide)).toBe(true);
    const counts = (await call(t.app, { url: `/api/orgs/${orgId}/reviews/counts`, as: leitung })).json();
    expect(counts).toEqual({ awaitingMe: queue.items.length, overdue: 0, repliesAwaitingMe: 0 });
    expect((await call(t.app, { url: `/api/orgs/${orgId}/reviews/counts`, as: datenschutz })).json().awaitingMe).toBe(
      0,
    );
  });
});
