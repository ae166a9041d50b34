import { beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createFeedChannel, createImage } from '../feeds/test-factories.ts';
import { addConsent, createPerson, reviewImage } from './test-factories.ts';

// Scheduling refuses what the gate blocks (422 consent_blocked, which target, why); drafts stay free.
let t: TestApp;
let owner: Browser;
let orgId: string;
let channelId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  channelId = (await createFeedChannel(t.db, orgId, { network: 'bluesky', settings: { title: 'Bluesky' } })).id;
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** A child tagged in an image, without any consent yet. */
async function childInImage() {
  const child = await createPerson(t.db, orgId, { displayName: 'Mila', birthDate: '2017-04-02', guardians: 1 });
  const image = await createImage(t.db, orgId);
  await reviewImage(t.db, orgId, image.id, 'tagged', [child.id]);
  return { child, media: [{ mediaId: image.id, alt: 'Kinder beim Basteln' }] };
}

async function createPost(body: Record<string, unknown>) {
  return call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: { text: 'Basteln am Nachmittag', targets: [{ channelId }], ...body },
  });
}

describe('scheduling and the consent gate', () => {
  it('saves a draft, refuses to schedule it with the reasons, and schedules once the guardian consented', async () => {
    const { child, media } = await childInImage();
    const draft = await createPost({ media, when: { mode: 'draft' } });
    expect(draft.statusCode, draft.body).toBe(201);
    const postId = draft.json().id;
    const at = inDays(2).toISOString();
    const schedule = () =>
      call(t.app, {
        method: 'POST',
        url: `/api/orgs/${orgId}/posts/${postId}/schedule`,
        as: owner,
        body: { when: { mode: 'at', at } },
      });
    const refused = await schedule();
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('consent_blocked');
    expect(refused.json().error.details).toEqual([
      {
        field: 'targets.0',
        code: 'consent_blocked',
        message: '„Bluesky“: keine gültige Einwilligung für Mila.',
        channelId,
        reasons: [{ code: 'no_consent', personId: child.id, personName: 'Mila' }],
      },
    ]);
    // Nothing changed: still a draft.
    const post = await call(t.app, { url: `/api/orgs/${orgId}/posts/${postId}`, as: owner });
    expect(post.json().targets[0].state).toBe('draft');

    await addConsent(t.db, orgId, child.id, { givenBy: ['guardian_1'] });
    const scheduled = await schedule();
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json().targets[0].state).toBe('scheduled');
  });

  it('refuses a post created with a time, and publishing a single target now', async () => {
    const { media } = await childInImage();
    const refused = await createPost({ media, when: { mode: 'now' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'targets.0', reasons: [{ code: 'no_consent' }] });
    const draft = await createPost({ media, when: { mode: 'draft' } });
    const targetId = draft.json().targets[0].id;
    const now = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/targets/${targetId}/schedule`,
      as: owner,
      body: { when: { mode: 'now' } },
    });
    expect(now.statusCode).toBe(422);
    expect(now.json().error.details[0]).toMatchObject({ field: 'target', channelId });
  });

  it('refuses a calendar move past the end of the consent, and allows one before it', async () => {
    const { child, media } = await childInImage();
    await addConsent(t.db, orgId, child.id, { givenBy: ['guardian_1'], validUntil: dayOf(inDays(5)) });
    const created = await createPost({ media, when: { mode: 'at', at: inDays(1).toISOString() } });
    expect(created.statusCode, created.body).toBe(201);
    const move = (at: Date) =>
      call(t.app, {
        method: 'POST',
        url: `/api/orgs/${orgId}/posts/${created.json().id}/move`,
        as: owner,
        body: { at: at.toISOString() },
      });
    const late = await move(inDays(10));
    expect(late.statusCode).toBe(422);
    expect(late.json().error.details[0].reasons).toEqual([
      { code: 'expired', personId: child.id, personName: 'Mila', on: dayOf(inDays(5)) },
    ]);
    const ok = await move(inDays(3));
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('schedules a post whose image nobody reviewed yet (a warning in the composer, not a block)', async () => {
    const image = await createImage(t.db, orgId);
    const res = await createPost({
      media: [{ mediaId: image.id, alt: 'Ein Bild' }],
      when: { mode: 'at', at: inDays(1).toISOString() },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
