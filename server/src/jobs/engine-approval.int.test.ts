import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, notifications, postTargets } from '../db/schema/index.ts';
import { createPolicy, decide, submit, writePost } from '../modules/approvals/test-factories.ts';
import { addConsent, createPerson, reviewImage } from '../modules/consent/test-factories.ts';
import { createFeedChannel, createImage } from '../modules/feeds/test-factories.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { until } from '../test/wait.ts';
import { publishTarget } from './publish-target.ts';

// The engine asks the approval workflow once more at publish time: a post scheduled without
// needing approval can come to need it (a person tagged in its picture afterwards, a policy
// added) and must then wait for the sign-off instead of going out.
let t: TestApp;
let owner: Browser;
let editor: Browser;
let officer: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ worker: { sweepIntervalMs: 3_600_000 } });
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Redakteur');
  officer = await addMember(t, owner, orgId, ['privacy_officer'], 'Dana Datenschutz');
  await createPolicy(t, owner, orgId, {
    name: 'Menschen im Bild',
    steps: [{ name: 'Datenschutz', roles: ['privacy_officer'], mode: 'any' }],
    rules: { peopleDepicted: true },
  });
});

const dueNow = (targetId: string) =>
  t.db
    .update(postTargets)
    .set({ dueAt: new Date(Date.now() - 1000) })
    .where(eq(postTargets.id, targetId));

it('holds a post whose picture was tagged with a person after scheduling, until the privacy officer approves', async () => {
  const channel = await createFeedChannel(t.db, orgId);
  const image = await createImage(t.db, orgId);
  await reviewImage(t.db, orgId, image.id, 'none');
  const post = await writePost(t, editor, orgId, channel.id, {
    text: 'Unser Garten im Herbst',
    media: [{ mediaId: image.id, alt: 'Beete mit Kürbissen' }],
  });
  const scheduled = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts/${post.id}/schedule`,
    as: editor,
    body: { when: { mode: 'at', at: new Date(Date.now() + 3_600_000).toISOString() } },
  });
  expect(scheduled.statusCode, scheduled.body).toBe(200);
  const targetId = post.targets[0]!.id;

  // Later someone notices a resident in the picture and tags her; her consent covers the website.
  const person = await createPerson(t.db, orgId, { displayName: 'Frau K.' });
  await addConsent(t.db, orgId, person.id, { purpose: 'website' });
  const tagged = await call(t.app, {
    method: 'PUT',
    url: `/api/orgs/${orgId}/media/${image.id}/people`,
    as: editor,
    body: { status: 'tagged', people: [{ personId: person.id }] },
  });
  expect(tagged.statusCode, tagged.body).toBe(200);

  await dueNow(targetId);
  await publishTarget(t.deps, targetId);
  const [held] = await t.db.select().from(postTargets).where(eq(postTargets.id, targetId));
  expect(held).toMatchObject({ state: 'held', errorKind: 'approval', attempts: 0, remoteId: null });
  expect((await t.app.inject({ url: `/feeds/${channel.id}/feed.json` })).json().items).toEqual([]);
  const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));
  expect(audit.find((a) => a.action === 'post.held_approval')?.details).toMatchObject({ matched: ['peopleDepicted'] });
  const told = await t.db
    .select()
    .from(notifications)
    .where(eq(notifications.link, `/beitraege/${post.id}`));
  expect(told.map((n) => n.type)).toContain('publish_failed');
  const shown = await call(t.app, { url: `/api/orgs/${orgId}/posts/${post.id}`, as: editor });
  expect(shown.json().targets[0]).toMatchObject({ state: 'held', error: { kind: 'approval' } });

  // Submitted with its plan, approved by Datenschutz: it goes out.
  const review = await submit(t, editor, orgId, post.id, { mode: 'now' });
  expect(review.statusCode, review.body).toBe(201);
  const approved = await decide(t, officer, orgId, review.json().id, {
    decision: 'approve',
    baseVersion: post.version,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  // Approval with "now" hands the target to the worker.
  const published = await until(
    async () => (await t.db.select().from(postTargets).where(eq(postTargets.id, targetId)))[0]?.state,
    (state) => state === 'published' || state === 'failed' || state === 'held',
  );
  expect(published).toBe('published');
  const feed = (await t.app.inject({ url: `/feeds/${channel.id}/feed.json` })).json();
  expect(feed.items.map((i: { content_text?: string }) => i.content_text)).toEqual(['Unser Garten im Herbst']);
});

it('publishes a post that needs no approval as before, policies or not', async () => {
  const channel = await createFeedChannel(t.db, orgId);
  const post = await writePost(t, editor, orgId, channel.id, { text: 'Öffnungszeiten über die Feiertage' });
  const scheduled = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts/${post.id}/schedule`,
    as: editor,
    body: { when: { mode: 'at', at: new Date(Date.now() + 3_600_000).toISOString() } },
  });
  expect(scheduled.statusCode, scheduled.body).toBe(200);
  await dueNow(post.targets[0]!.id);
  await publishTarget(t.deps, post.targets[0]!.id);
  const [target] = await t.db.select().from(postTargets).where(eq(postTargets.id, post.targets[0]!.id));
  expect(target?.state).toBe('published');
});
