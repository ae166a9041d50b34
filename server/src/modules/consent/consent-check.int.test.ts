import { type ConsentCheckResult, consentCheckResultSchema } from '@nahbar/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createFeedChannel, createImage, createOrganisation } from '../feeds/test-factories.ts';
import { postPeopleFacts } from './gate-context.ts';
import { addConsent, createPerson, namePeople, reviewImage } from './test-factories.ts';

// The composer's live check and the saved post's check, against real register rows.
let t: TestApp;
let owner: Browser;
let orgId: string;
let bluesky: { id: string };
let mastodon: { id: string };
let feed: { id: string };
const AT = '2026-06-15T10:00:00Z';

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  bluesky = await createFeedChannel(t.db, orgId, { network: 'bluesky', settings: { title: 'Bluesky' } });
  mastodon = await createFeedChannel(t.db, orgId, { network: 'mastodon', settings: { title: 'Mastodon' } });
  feed = await createFeedChannel(t.db, orgId);
});

async function check(body: Record<string, unknown>, as: Browser = owner) {
  return call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/consent-check`, as, body: { at: AT, ...body } });
}

/** An image tagged with these people, and the check of it on these channels. */
async function checkImageOf(personIds: string[], channelIds: string[], at = AT): Promise<ConsentCheckResult> {
  const image = await createImage(t.db, orgId);
  await reviewImage(t.db, orgId, image.id, 'tagged', personIds);
  const res = await check({ mediaIds: [image.id], channelIds, at });
  expect(res.statusCode, res.body).toBe(200);
  return consentCheckResultSchema.parse(res.json());
}

describe('the consent check', () => {
  it('lets a child with their one guardian’s consent go out, flagged as a minor', async () => {
    const child = await createPerson(t.db, orgId, { displayName: 'Kind A', birthDate: '2016-05-01', guardians: 1 });
    await addConsent(t.db, orgId, child.id, { givenBy: ['guardian_1'] });
    const result = await checkImageOf([child.id], [bluesky.id]);
    expect(result.channels[0]!.result).toMatchObject({ allowed: true, reasons: [], minorIds: [child.id] });
    expect(result.people).toEqual([
      { id: child.id, displayName: 'Kind A', ageGroup: 'child', depicted: true, named: false },
    ]);
    expect(result.showsMinor).toBe(true);
  });

  it('blocks a child in joint custody while the second guardian has not consented', async () => {
    const child = await createPerson(t.db, orgId, {
      displayName: 'Kind B',
      birthDate: '2017-02-01',
      guardians: 2,
      jointCustody: true,
    });
    await addConsent(t.db, orgId, child.id, { givenBy: ['guardian_1'] });
    const result = await checkImageOf([child.id], [bluesky.id]);
    expect(result.channels[0]!.result.allowed).toBe(false);
    expect(result.channels[0]!.result.reasons).toEqual([
      { code: 'missing_signatures', personId: child.id, personName: 'Kind B', missing: ['guardian_2'] },
    ]);
  });

  it('asks a teenager and the guardian both', async () => {
    const teen = await createPerson(t.db, orgId, { displayName: 'Teen', birthDate: '2010-03-01', guardians: 1 });
    await addConsent(t.db, orgId, teen.id, { givenBy: ['guardian_1'] });
    const before = await checkImageOf([teen.id], [bluesky.id]);
    expect(before.channels[0]!.result.reasons[0]).toMatchObject({ code: 'missing_signatures', missing: ['person'] });
    expect(before.people[0]!.ageGroup).toBe('youth');
    await addConsent(t.db, orgId, teen.id, { givenBy: ['person'] });
    // Two consents together carry the signatures.
    const after = await checkImageOf([teen.id], [bluesky.id]);
    expect(after.channels[0]!.result.allowed).toBe(true);
  });

  it('needs only the adult’s own consent, and names them nowhere as a minor', async () => {
    const adult = await createPerson(t.db, orgId, { displayName: 'Erwachsen', birthDate: '1990-01-01' });
    await addConsent(t.db, orgId, adult.id, { givenBy: ['person'] });
    const result = await checkImageOf([adult.id], [bluesky.id]);
    expect(result.channels[0]!.result).toMatchObject({ allowed: true, minorIds: [] });
    expect(result.showsMinor).toBe(false);
  });

  it('ends a consent at midnight in Europe/Berlin, not in UTC', async () => {
    const adult = await createPerson(t.db, orgId, { displayName: 'Bis Zehnter' });
    await addConsent(t.db, orgId, adult.id, { validUntil: '2026-03-10' });
    // 23:59 in Berlin (CET, UTC+1) on the last valid day.
    const lastMinute = await checkImageOf([adult.id], [bluesky.id], '2026-03-10T22:59:00Z');
    expect(lastMinute.channels[0]!.result.allowed).toBe(true);
    // 00:00 in Berlin on the 11th — still the 10th in UTC.
    const midnight = await checkImageOf([adult.id], [bluesky.id], '2026-03-10T23:00:00Z');
    expect(midnight.channels[0]!.result.reasons).toEqual([
      { code: 'expired', personId: adult.id, personName: 'Bis Zehnter', on: '2026-03-10' },
    ]);
  });

  it('honours the scope: one network, and the website apart from social media', async () => {
    const adult = await createPerson(t.db, orgId, { displayName: 'Nur Mastodon' });
    await addConsent(t.db, orgId, adult.id, { networks: ['mastodon'] });
    const result = await checkImageOf([adult.id], [bluesky.id, mastodon.id, feed.id]);
    const byChannel = Object.fromEntries(result.channels.map((c) => [c.channelId, c.result]));
    expect(byChannel[bluesky.id]!.reasons).toMatchObject([{ code: 'out_of_scope' }]);
    expect(byChannel[mastodon.id]!.allowed).toBe(true);
    // The website feed is purpose "website": a social-media consent does not cover it.
    expect(byChannel[feed.id]!.reasons).toMatchObject([{ code: 'out_of_scope' }]);
    await addConsent(t.db, orgId, adult.id, { purpose: 'website' });
    const again = await checkImageOf([adult.id], [feed.id]);
    expect(again.channels[0]!.result.allowed).toBe(true);
  });

  it('lets a § 23 KUG image through without consent, warns about an unreviewed one, stops a blocked one', async () => {
    const crowd = await createImage(t.db, orgId);
    await reviewImage(t.db, orgId, crowd.id, 'kug23', [], 'Menschenmenge beim Stadtfest');
    const unreviewed = await createImage(t.db, orgId);
    const kug = await check({ mediaIds: [crowd.id, unreviewed.id], channelIds: [bluesky.id] });
    expect(kug.json().channels[0].result).toEqual({
      allowed: true,
      reasons: [],
      unreviewedMediaIds: [unreviewed.id],
      minorIds: [],
    });
    const erased = await createImage(t.db, orgId);
    await reviewImage(t.db, orgId, erased.id, 'blocked', [], 'person erased');
    const blocked = await check({ mediaIds: [erased.id], channelIds: [bluesky.id] });
    expect(blocked.json().channels[0].result.reasons).toEqual([
      { code: 'media_blocked', personId: null, personName: null, mediaId: erased.id },
    ]);
  });

  it('checks people named in the text like people in the picture', async () => {
    const named = await createPerson(t.db, orgId, { displayName: 'Genannt' });
    const res = await check({ namedPersonIds: [named.id], channelIds: [bluesky.id] });
    expect(res.json().channels[0].result.reasons).toEqual([
      { code: 'no_consent', personId: named.id, personName: 'Genannt' },
    ]);
    expect(res.json().people[0]).toMatchObject({ id: named.id, depicted: false, named: true });
  });

  it('finds no foreign image, person or channel; a viewer may not ask', async () => {
    const other = { orgId: (await createOrganisation(t.db, 'Andere Einrichtung')).id };
    const foreign = await createImage(t.db, other.orgId);
    expect((await check({ mediaIds: [foreign.id], channelIds: [bluesky.id] })).statusCode).toBe(404);
    const stranger = await createPerson(t.db, other.orgId);
    expect((await check({ namedPersonIds: [stranger.id], channelIds: [bluesky.id] })).statusCode).toBe(404);
    const channel = await createFeedChannel(t.db, other.orgId);
    expect((await check({ channelIds: [channel.id] })).statusCode).toBe(404);
    const viewer = await addMember(t, owner, orgId, ['viewer']);
    expect((await check({ channelIds: [bluesky.id] }, viewer)).statusCode).toBe(403);
  });
});

describe('the saved post’s check', () => {
  it('judges each target at its own due time', async () => {
    const adult = await createPerson(t.db, orgId, { displayName: 'Bis Juli' });
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await addConsent(t.db, orgId, adult.id, { validUntil: until });
    const image = await createImage(t.db, orgId);
    await reviewImage(t.db, orgId, image.id, 'tagged', [adult.id]);
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    const created = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as: owner,
      body: {
        text: 'Ausflug',
        media: [{ mediaId: image.id, alt: 'Gruppe am See' }],
        targets: [{ channelId: bluesky.id }, { channelId: mastodon.id }],
        when: { mode: 'at', at: soon },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json();
    // The Mastodon target moves past the consent's end (as the database would let an old plan be).
    await t.db.$client.query(`update post_targets set due_at = now() + interval '30 days' where id = $1`, [
      post.targets[1].id,
    ]);
    const other = await createPerson(t.db, orgId, { displayName: 'Genannt ohne' });
    await namePeople(t.db, orgId, post.id, [other.id]);
    const res = await call(t.app, { url: `/api/orgs/${orgId}/posts/${post.id}/consent`, as: owner });
    expect(res.statusCode, res.body).toBe(200);
    const result = consentCheckResultSchema.parse(res.json());
    const codes = (channelId: string) =>
      result.channels
        .find((c) => c.channelId === channelId)!
        .result.reasons.map((r) => r.code)
        .sort();
    expect(codes(bluesky.id)).toEqual(['no_consent']);
    expect(codes(mastodon.id)).toEqual(['expired', 'no_consent']);
    // For the approval rules: who is in it, and whether a minor is.
    expect(await postPeopleFacts(t.db, orgId, post.id, new Date())).toEqual({
      personIds: [other.id, adult.id],
      minorIds: [],
      showsMinor: false,
    });
    expect(result.people.map((p) => [p.displayName, p.depicted, p.named])).toEqual([
      ['Bis Juli', true, false],
      ['Genannt ohne', false, true],
    ]);
  });
});
