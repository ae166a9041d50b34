import { takedownReportSchema, withdrawalResultSchema } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, postTargets, takedownTasks } from '../../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { until } from '../../test/wait.ts';
import { createFeedChannel, createImage, createItem, createOrganisation } from '../feeds/test-factories.ts';
import { addConsent, createPerson, namePeople, reviewImage } from './test-factories.ts';

// A withdrawal holds what is planned and takes down what is out: on the website feed by the
// takedown job, on a network nahbar cannot reach as a manual task with the link.
let t: TestApp;
let owner: Browser;
let officer: Browser;
let orgId: string;
let feedId: string;

beforeAll(async () => {
  t = await createTestApp({ worker: { sweepIntervalMs: 3_600_000 } });
  ({ owner, orgId } = await setUp(t.app));
  officer = await addMember(t, owner, orgId, ['privacy_officer'], 'Dana Datenschutz');
  feedId = (await createFeedChannel(t.db, orgId)).id;
});

const targetOf = async (id: string) => (await t.db.select().from(postTargets).where(eq(postTargets.id, id)))[0]!;
const feedTexts = async () =>
  (await t.app.inject({ url: `/feeds/${feedId}/feed.json` }))
    .json()
    .items.map((i: { content_text: string }) => i.content_text);

async function postWith(mediaId: string, text: string, when: Record<string, unknown>) {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: { text, media: [{ mediaId, alt: 'Gruppenfoto' }], targets: [{ channelId: feedId }], when },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { postId: res.json().id as string, targetId: res.json().targets[0].id as string };
}

function withdraw(consentId: string, as: Browser = owner) {
  return call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/consents/${consentId}/withdraw`,
    as,
    body: { on: new Date().toISOString().slice(0, 10), by: 'person', how: 'email', note: 'Mail vom Montag' },
  });
}

describe('withdrawing a consent', () => {
  it('holds the scheduled post, takes the published one off the website feed, and reports both', async () => {
    const sami = await createPerson(t.db, orgId, { displayName: 'Sami' });
    const website = await addConsent(t.db, orgId, sami.id, { purpose: 'website' });
    const image = await createImage(t.db, orgId);
    await reviewImage(t.db, orgId, image.id, 'tagged', [sami.id]);
    const published = await postWith(image.id, 'Sami beim Sommerfest', { mode: 'now' });
    await until(
      () => targetOf(published.targetId),
      (row) => row.state === 'published',
    );
    expect(await feedTexts()).toContain('Sami beim Sommerfest');
    const planned = await postWith(image.id, 'Sami beim Herbstfest', {
      mode: 'at',
      at: new Date(Date.now() + 86_400_000).toISOString(),
    });

    const res = await withdraw(website.id);
    expect(res.statusCode, res.body).toBe(200);
    const result = withdrawalResultSchema.parse(res.json());
    expect(result).toMatchObject({ stoppedTargets: 1, takedowns: 1, manualTasks: 0 });
    expect(result.consent).toMatchObject({
      status: 'withdrawn',
      withdrawal: { by: 'person', how: 'email', note: 'Mail vom Montag' },
    });
    // Off the feed at once (the takedown is requested in the withdrawal's transaction) …
    expect(await feedTexts()).not.toContain('Sami beim Sommerfest');
    // … and taken down by the job.
    const gone = await until(
      () => targetOf(published.targetId),
      (row) => row.state === 'taken_down',
    );
    expect(gone.state).toBe('taken_down');
    expect(await targetOf(planned.targetId)).toMatchObject({ state: 'held', errorKind: 'consent' });

    const report = await until(
      async () =>
        takedownReportSchema.parse((await call(t.app, { url: `/api/orgs/${orgId}/takedowns`, as: officer })).json()),
      (r) => r.items.every((i) => i.state === 'done'),
    );
    const mine = report.items.filter((i) => i.personId === sami.id);
    expect(mine.map((i) => [i.postId, i.kind, i.state, i.personName, i.network]).sort()).toEqual(
      [
        [published.postId, 'automatic', 'done', 'Sami', 'feed'],
        [planned.postId, 'stopped', 'done', 'Sami', 'feed'],
      ].sort(),
    );
    expect(mine.every((i) => i.consentId === website.id && i.doneAt !== null)).toBe(true);

    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.orgId, orgId))).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['consent.withdrawn', 'takedown.requested', 'post.held_consent', 'post.taken_down']),
    );
    expect((await withdraw(website.id)).json().error.code).toBe('consent_already_withdrawn');
  });

  it('leaves a post alone when another valid consent still covers it', async () => {
    const ida = await createPerson(t.db, orgId, { displayName: 'Ida' });
    const first = await addConsent(t.db, orgId, ida.id, { purpose: 'website' });
    await addConsent(t.db, orgId, ida.id, { purpose: 'website', validFrom: '2024-01-01' });
    const image = await createImage(t.db, orgId);
    await reviewImage(t.db, orgId, image.id, 'tagged', [ida.id]);
    const planned = await postWith(image.id, 'Ida', {
      mode: 'at',
      at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const res = await withdraw(first.id);
    expect(res.json()).toMatchObject({ stoppedTargets: 0, takedowns: 0, manualTasks: 0 });
    expect((await targetOf(planned.targetId)).state).toBe('scheduled');
  });

  it('makes a manual task with the link where nahbar cannot delete, which the privacy officer closes', async () => {
    const ole = await createPerson(t.db, orgId, { displayName: 'Ole' });
    const consent = await addConsent(t.db, orgId, ole.id, { purpose: 'social_media' });
    const offline = await createFeedChannel(t.db, orgId, {
      network: 'bluesky',
      status: 'disconnected',
      settings: { title: 'Altes Bluesky-Konto' },
    });
    const { post, target } = await createItem(t.db, offline, { text: 'Ole erzählt vom Ferienlager' });
    const remoteUrl = 'https://bsky.app/profile/jugendtreff.example/post/3kabc';
    await t.db
      .update(postTargets)
      .set({ remoteId: 'at://did:plc:abc/app.bsky.feed.post/3kabc', remoteUrl })
      .where(eq(postTargets.id, target.id));
    await namePeople(t.db, orgId, post.id, [ole.id]);

    const res = await withdraw(consent.id, officer);
    expect(res.json()).toMatchObject({ stoppedTargets: 0, takedowns: 0, manualTasks: 1 });
    const [task] = await t.db
      .select()
      .from(takedownTasks)
      .where(and(eq(takedownTasks.targetId, target.id), eq(takedownTasks.kind, 'manual')));
    expect(task).toMatchObject({ state: 'pending', remoteUrl });
    expect((await call(t.app, { url: `/api/orgs/${orgId}/privacy/dashboard`, as: officer })).json()).toMatchObject({
      pendingTakedowns: 1,
    });
    expect((await call(t.app, { url: `/api/orgs/${orgId}/takedowns`, as: owner })).statusCode).toBe(403);

    const done = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/takedowns/${task!.id}/done`,
      as: officer,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ kind: 'manual', state: 'done', remoteUrl, channelName: 'Altes Bluesky-Konto' });
    expect((await targetOf(target.id)).state).toBe('taken_down');
    const again = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/takedowns/${task!.id}/done`,
      as: officer,
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'takedown.manual_done'));
    expect(audit).toHaveLength(1);
  });

  it('does not take down twice what an earlier withdrawal of the same person already took down', async () => {
    const jan = await createPerson(t.db, orgId, { displayName: 'Jan' });
    const social = await addConsent(t.db, orgId, jan.id, { purpose: 'social_media' });
    const site = await addConsent(t.db, orgId, jan.id, { purpose: 'website' });
    const offline = await createFeedChannel(t.db, orgId, {
      network: 'bluesky',
      status: 'disconnected',
      settings: { title: 'Bluesky Jugendtreff' },
    });
    const { post, target } = await createItem(t.db, offline, { text: 'Jan beim Kickerturnier' });
    await t.db
      .update(postTargets)
      .set({ remoteId: 'at://did:plc:abc/app.bsky.feed.post/3kjan', remoteUrl: 'https://bsky.app/x/3kjan' })
      .where(eq(postTargets.id, target.id));
    await namePeople(t.db, orgId, post.id, [jan.id]);

    expect((await withdraw(social.id, officer)).json()).toMatchObject({ manualTasks: 1, takedowns: 0 });
    // The website consent goes too; the Bluesky post is already on the list.
    expect((await withdraw(site.id, officer)).json()).toMatchObject({ manualTasks: 0, takedowns: 0 });
    const tasks = await t.db.select().from(takedownTasks).where(eq(takedownTasks.targetId, target.id));
    expect(tasks.map((task) => [task.kind, task.consentId])).toEqual([['manual', social.id]]);
  });

  it('is for those who manage people; a foreign consent is not found', async () => {
    const viewer = await addMember(t, owner, orgId, ['contributor']);
    const person = await createPerson(t.db, orgId);
    const consent = await addConsent(t.db, orgId, person.id);
    expect((await withdraw(consent.id, viewer)).statusCode).toBe(403);
    const foreignOrg = await createOrganisation(t.db, 'Andere Einrichtung');
    const stranger = await createPerson(t.db, foreignOrg.id);
    const foreign = await addConsent(t.db, foreignOrg.id, stranger.id);
    const res = await withdraw(foreign.id);
    expect(res.statusCode).toBe(404);
  });

  it('refuses a withdrawal dated ahead, and records nothing', async () => {
    const person = await createPerson(t.db, orgId);
    const consent = await addConsent(t.db, orgId, person.id);
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/consents/${consent.id}/withdraw`,
      as: owner,
      body: { on: '2999-01-01', by: 'person', how: 'oral', note: null },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'on', code: 'withdrawal_in_future' })]);
    const [row] = await t.db.$client
      .query('select withdrawn_on from consents where id = $1', [consent.id])
      .then((r) => r.rows);
    expect(row.withdrawn_on).toBeNull();
  });
});
