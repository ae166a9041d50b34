import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  auditLog,
  consentRequests,
  consents,
  mediaPeople,
  mediaPeopleReviews,
  people,
  postTargets,
  takedownTasks,
} from '../../db/schema/index.ts';
import { storageKey } from '../../storage/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { until } from '../../test/wait.ts';
import { createFeedChannel, createImage } from '../feeds/test-factories.ts';
import { addConsent, createPerson, reviewImage } from './test-factories.ts';

// The right to erasure: the person and everything about them goes; what they were in is
// taken down; what stays is anonymous.
let t: TestApp;
let owner: Browser;
let officer: Browser;
let orgId: string;
let feedId: string;

beforeAll(async () => {
  t = await createTestApp({ worker: { sweepIntervalMs: 3_600_000 } });
  ({ owner, orgId } = await setUp(t.app));
  officer = await addMember(t, owner, orgId, ['privacy_officer']);
  feedId = (await createFeedChannel(t.db, orgId)).id;
});

it('erases a person: takes their post down, blocks their images, deletes consents, links, tags and evidence', async () => {
  const pia = await createPerson(t.db, orgId, { displayName: 'Pia Pseudonym' });
  const evidenceKey = storageKey(orgId, 'application/pdf');
  await t.deps.media!.put(evidenceKey, Buffer.from('sealed form'), 'application/pdf');
  const consent = await addConsent(t.db, orgId, pia.id, { purpose: 'website', evidenceKey });
  await t.db.insert(consentRequests).values({
    orgId,
    personId: pia.id,
    purpose: 'website',
    signatory: 'person',
    tokenHash: 'x'.repeat(64),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const used = await createImage(t.db, orgId);
  const unused = await createImage(t.db, orgId);
  await reviewImage(t.db, orgId, used.id, 'tagged', [pia.id]);
  await reviewImage(t.db, orgId, unused.id, 'tagged', [pia.id]);
  const created = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: {
      text: 'Pia hilft beim Kuchenbasar',
      media: [{ mediaId: used.id, alt: 'Kuchenbasar' }],
      targets: [{ channelId: feedId }],
      when: { mode: 'now' },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const targetId = created.json().targets[0].id;
  await until(
    async () => (await t.db.select().from(postTargets).where(eq(postTargets.id, targetId)))[0]!,
    (row) => row.state === 'published',
  );

  const editor = await addMember(t, owner, orgId, ['editor']);
  const erase = (as: Browser) => call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/people/${pia.id}`, as });
  expect((await erase(editor)).statusCode).toBe(403);
  const res = await erase(officer);
  expect(res.statusCode, res.body).toBe(204);

  expect(await t.db.select().from(people).where(eq(people.id, pia.id))).toEqual([]);
  expect(await t.db.select().from(consents).where(eq(consents.id, consent.id))).toEqual([]);
  expect(await t.db.select().from(consentRequests).where(eq(consentRequests.personId, pia.id))).toEqual([]);
  expect(
    await t.db
      .select()
      .from(mediaPeople)
      .where(inArray(mediaPeople.mediaId, [used.id, unused.id])),
  ).toEqual([]);
  const reviews = await t.db
    .select()
    .from(mediaPeopleReviews)
    .where(inArray(mediaPeopleReviews.mediaId, [used.id, unused.id]));
  expect(reviews.map((r) => [r.status, r.reason])).toEqual([
    ['blocked', 'person erased'],
    ['blocked', 'person erased'],
  ]);
  await expect(t.deps.media!.get(evidenceKey)).rejects.toThrow();

  // The post is gone from the website; the report keeps the fact, not the name.
  const gone = await until(
    async () => (await t.db.select().from(postTargets).where(eq(postTargets.id, targetId)))[0]!,
    (row) => row.state === 'taken_down',
  );
  expect(gone.state).toBe('taken_down');
  const feed = await t.app.inject({ url: `/feeds/${feedId}/feed.json` });
  expect(feed.json().items).toEqual([]);
  const tasks = await t.db.select().from(takedownTasks).where(eq(takedownTasks.targetId, targetId));
  expect(tasks).toHaveLength(1);
  expect(tasks[0]).toMatchObject({ personId: null, personName: null, consentId: null, kind: 'automatic' });
  const report = await call(t.app, { url: `/api/orgs/${orgId}/takedowns`, as: officer });
  expect(report.body).not.toContain('Pia Pseudonym');

  const audit = await t.db.select().from(auditLog).where(eq(auditLog.orgId, orgId));
  const erased = audit.find((a) => a.action === 'person.erased');
  expect(erased).toMatchObject({ targetId: pia.id, details: {} });
  expect(audit.filter((a) => a.action === 'consent.withdrawn')).toHaveLength(1);
  expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('Pia Pseudonym');
  // Erasing again: nobody there.
  expect((await erase(officer)).statusCode).toBe(404);
});
