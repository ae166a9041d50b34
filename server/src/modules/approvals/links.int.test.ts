import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { postTargets, reviewDecisions } from '../../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { secondOrg, uploadPhoto } from '../consent-links/test-factories.ts';
import { addChannel } from '../posts/test-fixtures.ts';

let t: TestApp;
let owner: Browser;
let editor: Browser;
let approver: Browser;
let contributor: Browser;
let viewer: Browser;
let orgId: string;
let channelId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Editor');
  approver = await addMember(t, owner, orgId, ['approver'], 'Anna Approver');
  contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Contributor');
  viewer = await addMember(t, owner, orgId, ['viewer'], 'Vera Viewer');
  channelId = await addChannel(t, orgId, 'bluesky', 'Bluesky Nord');
  const policy = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/approval-policies`,
    as: owner,
    body: {
      name: 'Mit Vorstand',
      steps: [
        { name: 'Vorstand', roles: ['approver', 'external'], mode: 'any' },
        { name: 'Leitung', roles: ['approver'], mode: 'any' },
      ],
      rules: { tags: ['vorstand'] },
    },
  });
  expect(policy.statusCode, policy.body).toBe(201);
});

/** Emil's post with a photo, tagged for the board, submitted to approve only. */
async function submitted(tags = ['vorstand']) {
  const photo = await uploadPhoto(t, editor, orgId, 400, 300);
  const created = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: editor,
    body: {
      text: 'Der Vorstand lädt zur Mitgliederversammlung ein.',
      tags,
      targets: [{ channelId, text: 'Einladung zur Mitgliederversammlung (Bluesky)' }],
      media: [{ mediaId: photo.id, alt: 'Der Saal mit Stuhlreihen' }],
      when: { mode: 'draft' },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const postId = (created.json() as { id: string }).id;
  const submit = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts/${postId}/submit`,
    as: editor,
    body: { when: { mode: 'draft' } },
  });
  expect(submit.statusCode, submit.body).toBeLessThan(300);
  const review = await call(t.app, { url: `/api/orgs/${orgId}/posts/${postId}/review`, as: editor });
  return { postId, reviewId: (review.json() as { id: string }).id };
}

const createLink = (reviewId: string, as: Browser, body: Record<string, unknown> = { name: 'Dr. Bernd Vorstand' }) =>
  call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/reviews/${reviewId}/links`, as, body });
const tokenOf = (url: string) => url.split('/freigabe/')[1]!;
const open = (token: string) => call(t.app, { url: `/api/public/reviews/${token}` });
const decide = (token: string, body: Record<string, unknown>) =>
  call(t.app, { method: 'POST', url: `/api/public/reviews/${token}/decision`, body });

describe('external review links', () => {
  it('shows the post to the board member by link, takes the approval once, and moves the review on', async () => {
    const { postId, reviewId } = await submitted();
    const made = await createLink(reviewId, approver, { name: 'Dr. Bernd Vorstand', expiresInDays: 3 });
    expect(made.statusCode, made.body).toBe(201);
    const link = made.json();
    expect(link).toMatchObject({ reviewId, name: 'Dr. Bernd Vorstand', step: 0, usedAt: null });
    expect(link.url).toMatch(/^http:\/\/nahbar\.test\/freigabe\/[\w-]{40,}$/);
    // The URL is shown once; the list never repeats it.
    const list = await call(t.app, { url: `/api/orgs/${orgId}/reviews/${reviewId}/links`, as: approver });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].url).toBeUndefined();

    const token = tokenOf(link.url);
    const page = await open(token);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({
      organisationName: 'Jugendhilfe Nord',
      reviewerName: 'Dr. Bernd Vorstand',
      stepName: 'Vorstand',
      state: 'open',
      decision: null,
      post: {
        text: 'Der Vorstand lädt zur Mitgliederversammlung ein.',
        variants: [
          { channelName: 'Bluesky Nord', network: 'bluesky', text: 'Einladung zur Mitgliederversammlung (Bluesky)' },
        ],
        media: [{ url: `/api/public/reviews/${token}/media/0`, alt: 'Der Saal mit Stuhlreihen' }],
      },
    });
    const image = await call(t.app, { url: page.json().post.media[0].url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');

    expect((await decide(token, { decision: 'reject', comment: '' })).statusCode).toBe(400);
    const approved = await decide(token, { decision: 'approve', comment: 'Passt so.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'decided', decision: 'approve', post: { text: '' } });

    const [decision] = await t.db.select().from(reviewDecisions).where(eq(reviewDecisions.reviewId, reviewId));
    expect(decision).toMatchObject({ userId: null, name: 'Dr. Bernd Vorstand', role: 'external', step: 0, version: 1 });
    const review = await call(t.app, { url: `/api/orgs/${orgId}/posts/${postId}/review`, as: approver });
    expect(review.json()).toMatchObject({ status: 'in_review', currentStep: 1 });

    // Single use: the second try is gone, the picture too.
    const again = await decide(token, { decision: 'approve', comment: null });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('review_link_invalid');
    expect((await call(t.app, { url: `/api/public/reviews/${token}/media/0` })).statusCode).toBe(410);
    expect((await open(token)).json().state).toBe('decided');
    const audit = await t.db.$client.query("select details from audit_log where action = 'review.link_used'");
    expect(audit.rows[0]!.details).toMatchObject({ decision: 'approve', reviewerName: 'Dr. Bernd Vorstand' });
    // The timeline names the board member.
    const timeline = await call(t.app, { url: `/api/orgs/${orgId}/posts/${postId}/timeline`, as: editor });
    expect(timeline.json().items.find((i: { action: string }) => i.action === 'review.link_used').actorName).toBe(
      'Dr. Bernd Vorstand',
    );
  });

  it('asks for changes through a link: the post goes back to draft', async () => {
    const { postId, reviewId } = await submitted();
    const token = tokenOf((await createLink(reviewId, owner)).json().url);
    const res = await decide(token, { decision: 'request_changes', comment: 'Bitte die Uhrzeit nennen.' });
    expect(res.statusCode, res.body).toBe(200);
    const targets = await t.db.select().from(postTargets).where(eq(postTargets.postId, postId));
    expect(targets.map((x) => x.state)).toEqual(['draft']);
  });

  it('refuses a link for a step without "external", for a closed review, and to whoever may not decide', async () => {
    const { reviewId } = await submitted();
    expect((await createLink(reviewId, editor)).statusCode).toBe(403); // the author
    expect((await createLink(reviewId, contributor)).statusCode).toBe(403);
    expect((await createLink(reviewId, viewer)).statusCode).toBe(403);
    expect((await createLink(reviewId, approver, { name: '' })).statusCode).toBe(400);

    // The Leitung step (after the first approval) has no external reviewer.
    const token = tokenOf((await createLink(reviewId, approver)).json().url);
    await decide(token, { decision: 'approve', comment: null });
    const wrongStep = await createLink(reviewId, owner);
    expect(wrongStep.statusCode).toBe(422);
    expect(wrongStep.json().error).toMatchObject({ code: 'input_invalid', details: [{ field: 'reviewId' }] });

    const done = await submitted();
    const second = await createLink(done.reviewId, approver);
    const firstToken = tokenOf(second.json().url);
    await decide(firstToken, { decision: 'reject', comment: 'Nicht jetzt.' });
    expect((await createLink(done.reviewId, approver)).statusCode).toBe(409);
  });

  it('revokes a link, expires it, and counts unknown tokens as misses', async () => {
    const { reviewId } = await submitted();
    const made = (await createLink(reviewId, approver, { name: 'Frau Beirat', expiresInDays: 1 })).json();
    const revoked = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/review-links/${made.id}/revoke`,
      as: approver,
      body: {},
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const token = tokenOf(made.url);
    expect((await open(token)).json()).toMatchObject({ state: 'revoked', post: { text: '', media: [] } });
    expect((await decide(token, { decision: 'approve', comment: null })).statusCode).toBe(410);

    const later = tokenOf((await createLink(reviewId, approver, { name: 'Herr Beirat', expiresInDays: 1 })).json().url);
    t.advance(25 * 3_600_000);
    expect((await open(later)).json().state).toBe('expired');
    t.advance(-25 * 3_600_000);
    expect((await open('nicht-da')).statusCode).toBe(404);
  });

  it('answers 404 for another organisation’s review and link', async () => {
    const { reviewId } = await submitted();
    const made = (await createLink(reviewId, approver)).json();
    const otherOrg = await secondOrg(t, owner);
    const stranger = await addMember(t, owner, otherOrg, ['admin'], 'Fremder Admin');
    const base = `/api/orgs/${otherOrg}`;
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `${base}/reviews/${reviewId}/links`,
          as: stranger,
          body: { name: 'X' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(t.app, { url: `${base}/reviews/${reviewId}/links`, as: stranger })).statusCode).toBe(404);
    expect(
      (await call(t.app, { method: 'POST', url: `${base}/review-links/${made.id}/revoke`, as: stranger, body: {} }))
        .statusCode,
    ).toBe(404);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/reviews/${reviewId}/links`, as: stranger })).statusCode).toBe(
      404,
    );
  });
});
