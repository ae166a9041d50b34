import { localDay, privacyDashboardSchema } from '@nahbar/common';
import { addDays } from '@nahbar/common/rules/local-date';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { consents, posts } from '../../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createFeedChannel, createImage } from '../feeds/test-factories.ts';
import { addConsent, createPerson, reviewImage } from './test-factories.ts';

// The privacy officer's overview, from real rows.
let t: TestApp;
let owner: Browser;
let officer: Browser;
let orgId: string;
let channelId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  officer = await addMember(t, owner, orgId, ['privacy_officer']);
  channelId = (await createFeedChannel(t.db, orgId, { network: 'bluesky', settings: { title: 'Bluesky' } })).id;
});

async function createPost(mediaId: string, when: Record<string, unknown>, plannedAt?: string) {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: {
      text: 'Ausflug in den Zoo',
      media: [{ mediaId, alt: 'Am Gehege' }],
      targets: [{ channelId }],
      when,
      plannedAt,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

it('shows consents ending soon, blocked plans, recent withdrawals, unreviewed images and pending takedowns', async () => {
  const today = localDay(new Date(), 'Europe/Berlin');
  const soon = await createPerson(t.db, orgId, { displayName: 'Bald' });
  const ending = await addConsent(t.db, orgId, soon.id, { validUntil: addDays(today, 10) });
  const later = await createPerson(t.db, orgId, { displayName: 'Später' });
  await addConsent(t.db, orgId, later.id, { validUntil: addDays(today, 60) });
  const gone = await createPerson(t.db, orgId, { displayName: 'Widerrufen' });
  const withdrawn = await addConsent(t.db, orgId, gone.id);
  await t.db
    .update(consents)
    .set({
      withdrawnOn: addDays(today, -3),
      withdrawnBy: 'person',
      withdrawnHow: 'oral',
      withdrawalRecordedAt: new Date(),
    })
    .where(eq(consents.id, withdrawn.id));

  // A draft planned for next week showing someone without consent: the gate will block it then.
  const nobody = await createPerson(t.db, orgId, { displayName: 'Ohne' });
  const image = await createImage(t.db, orgId);
  await reviewImage(t.db, orgId, image.id, 'tagged', [nobody.id]);
  const planned = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const draft = await createPost(image.id, { mode: 'draft' }, planned);
  await t.db
    .update(posts)
    .set({ plannedAt: new Date(planned) })
    .where(eq(posts.id, draft.id));
  // A scheduled post with an image nobody reviewed.
  const unreviewed = await createImage(t.db, orgId);
  await createPost(unreviewed.id, { mode: 'at', at: new Date(Date.now() + 86_400_000).toISOString() });

  const res = await call(t.app, { url: `/api/orgs/${orgId}/privacy/dashboard`, as: officer });
  expect(res.statusCode, res.body).toBe(200);
  const dashboard = privacyDashboardSchema.parse(res.json());
  expect(dashboard.expiring.map((e) => [e.personName, e.consent.id])).toEqual([['Bald', ending.id]]);
  expect(dashboard.withdrawn.map((w) => [w.personName, w.consent.status])).toEqual([['Widerrufen', 'withdrawn']]);
  expect(dashboard.blockedPosts).toEqual([
    {
      postId: draft.id,
      excerpt: 'Ausflug in den Zoo',
      dueAt: planned,
      channelName: 'Bluesky',
      reasons: [{ code: 'no_consent', personId: nobody.id, personName: 'Ohne' }],
    },
  ]);
  expect(dashboard.unreviewedMedia).toBe(1);
  expect(dashboard.pendingTakedowns).toBe(0);
  expect((await call(t.app, { url: `/api/orgs/${orgId}/privacy/dashboard`, as: owner })).statusCode).toBe(403);
});
