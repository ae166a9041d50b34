import { localDay } from '@nahbar/common';
import { addDays } from '@nahbar/common/rules/local-date';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, consents, notifications, postTargets } from '../db/schema/index.ts';
import { addConsent, createPerson, reviewImage } from '../modules/consent/test-factories.ts';
import { createFeedChannel, createImage } from '../modules/feeds/test-factories.ts';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { publishTarget } from './publish-target.ts';

// The engine asks the gate once more at publish time: a consent that ended overnight stops the post.
let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
});

it('holds a due target whose consent ended yesterday (Europe/Berlin) and tells its author', async () => {
  const channel = await createFeedChannel(t.db, orgId);
  const person = await createPerson(t.db, orgId, { displayName: 'Jonas' });
  const consent = await addConsent(t.db, orgId, person.id, { purpose: 'website' });
  const image = await createImage(t.db, orgId);
  await reviewImage(t.db, orgId, image.id, 'tagged', [person.id]);
  const created = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: {
      text: 'Jonas beim Fußballturnier',
      media: [{ mediaId: image.id, alt: 'Jonas schießt ein Tor' }],
      targets: [{ channelId: channel.id }],
      when: { mode: 'at', at: new Date(Date.now() + 3_600_000).toISOString() },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const targetId = created.json().targets[0].id;

  // Overnight: the consent's last day was yesterday, and the post is due now.
  const yesterday = addDays(localDay(new Date(), 'Europe/Berlin'), -1);
  await t.db.update(consents).set({ validUntil: yesterday }).where(eq(consents.id, consent.id));
  await t.db
    .update(postTargets)
    .set({ dueAt: new Date(Date.now() - 1000) })
    .where(eq(postTargets.id, targetId));
  await publishTarget(t.deps, targetId);

  const [target] = await t.db.select().from(postTargets).where(eq(postTargets.id, targetId));
  expect(target).toMatchObject({
    state: 'held',
    errorKind: 'consent',
    errorMessage: `consent: Jonas — consent expired on ${yesterday}`,
    attempts: 0,
    remoteId: null,
  });
  const feed = await t.app.inject({ url: `/feeds/${channel.id}/feed.json` });
  expect(feed.json().items).toEqual([]);
  const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));
  const held = audit.find((a) => a.action === 'post.held_consent');
  expect(held?.details).toMatchObject({ reasons: [{ code: 'expired', personId: person.id, on: yesterday }] });
  expect(JSON.stringify(held?.details)).not.toContain('Jonas');
  const told = await t.db.select().from(notifications).where(eq(notifications.userId, owner.userId));
  expect(told.map((n) => [n.type, n.params.kind, n.params.reason])).toContainEqual([
    'publish_failed',
    'consent',
    `consent: Jonas — consent expired on ${yesterday}`,
  ]);
  const post = await call(t.app, { url: `/api/orgs/${orgId}/posts/${created.json().id}`, as: owner });
  expect(post.json().targets[0]).toMatchObject({ state: 'held', error: { kind: 'consent' } });
});
