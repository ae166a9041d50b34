import { notificationListSchema, notificationPreferencesSchema } from '@nahbar/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { notify } from './notify.ts';

let t: TestApp;
let owner: Browser;
let mia: Browser;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app, 'Jugendhilfe Nord'));
  mia = await addMember(t, owner, orgId, ['editor'], 'Mia Mitglied');
  const other = await call(t.app, { method: 'POST', url: '/api/orgs', as: owner, body: { name: 'Kita Süd' } });
  expect(other.statusCode, other.body).toBe(201);
  otherOrgId = other.json().id;
});

const failed = (userIds: string[], post: string, org = orgId) =>
  notify(t.deps, {
    orgId: org,
    userIds,
    type: 'publish_failed',
    params: { channel: 'Mastodon', post, reason: 'Text zu lang' },
    link: `/beitraege/${post}`,
  });

const list = async (as: Browser, query = '') => {
  const res = await call(t.app, { url: `/api/notifications${query}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return notificationListSchema.parse(res.json());
};

describe('notification list', () => {
  it('pages newest first with a cursor and counts the unread across pages', async () => {
    for (let i = 1; i <= 5; i += 1) {
      await failed([mia.userId], `Beitrag ${i}`);
      t.advance(1000);
    }
    const first = await list(mia, '?limit=2');
    expect(first.items.map((n) => n.params.post)).toEqual(['Beitrag 5', 'Beitrag 4']);
    expect(first.unreadCount).toBe(5);
    expect(first.items[0]).toMatchObject({
      organisationName: 'Jugendhilfe Nord',
      type: 'publish_failed',
      readAt: null,
    });
    const second = await list(mia, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.params.post)).toEqual(['Beitrag 3', 'Beitrag 2']);
    const third = await list(mia, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((n) => n.params.post)).toEqual(['Beitrag 1']);
    expect(third.nextCursor).toBeNull();
    // Nobody else sees Mia's notifications.
    expect((await list(owner)).items.some((n) => n.params.post?.startsWith('Beitrag'))).toBe(false);
  });

  it('pages rows written within one millisecond without repeating or skipping any', async () => {
    const ben = await addMember(t, owner, orgId, ['editor'], 'Ben Mikro');
    // The database keeps microseconds; a cursor with a JS Date's milliseconds would lose them.
    await t.db.$client.query(
      `insert into notifications (org_id, user_id, type, params, link, delivery, created_at)
       select $1, $2, 'publish_failed', jsonb_build_object('post', 'Mikro ' || g), '/beitraege', 'off',
         '2026-11-22 10:00:00.123400+00'::timestamptz + g * interval '1 microsecond'
       from generate_series(1, 5) g`,
      [orgId, ben.userId],
    );
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(ben, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((n) => n.params.post ?? ''));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['Mikro 5', 'Mikro 4', 'Mikro 3', 'Mikro 2', 'Mikro 1']);
  });

  it('rejects a forged cursor', async () => {
    const res = await call(t.app, { url: '/api/notifications?cursor=bm9wZQ', as: mia });
    expect(res.statusCode).toBe(400);
  });

  it('asks for a sign-in', async () => {
    expect((await call(t.app, { url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('mark read', () => {
  it('marks only the person’s own; another person’s id stays unread and causes no error', async () => {
    const ownersOwn = await failed([owner.userId], 'Fremd');
    const mine = (await list(mia, '?unread=true')).items;
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/notifications/read',
      as: mia,
      body: { ids: [mine[0]!.id, ownersOwn.ids[0]!] },
    });
    expect(res.statusCode, res.body).toBe(204);
    const after = await list(mia);
    expect(after.unreadCount).toBe(mine.length - 1);
    expect(after.items.find((n) => n.id === mine[0]!.id)?.readAt).not.toBeNull();
    const ownerView = await list(owner, '?unread=true');
    expect(ownerView.items.map((n) => n.id)).toContain(ownersOwn.ids[0]);
  });

  it('marks all read, and the unread filter then shows none', async () => {
    const res = await call(t.app, { method: 'POST', url: '/api/notifications/read', as: mia, body: { all: true } });
    expect(res.statusCode).toBe(204);
    const unread = await list(mia, '?unread=true');
    expect(unread).toMatchObject({ items: [], unreadCount: 0 });
    expect((await list(mia, '?unread=false')).items.length).toBeGreaterThan(0);
  });
});

describe('preferences', () => {
  it('lists every type with the defaults, and an update changes only what was sent', async () => {
    const before = await call(t.app, { url: '/api/notifications/preferences', as: mia });
    expect(notificationPreferencesSchema.parse(before.json()).modes).toEqual({
      review_requested: 'immediately',
      changes_requested: 'immediately',
      rejected: 'immediately',
      approved: 'daily',
      publish_failed: 'immediately',
      channel_needs_reconnect: 'immediately',
      review_overdue: 'immediately',
      reply_review_requested: 'immediately',
      consent_expiring: 'daily',
    });
    const put = (modes: Record<string, string>) =>
      call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as: mia, body: { modes } });
    expect((await put({ publish_failed: 'daily' })).statusCode).toBe(200);
    const res = await put({ approved: 'off' });
    expect(res.json().modes).toMatchObject({
      publish_failed: 'daily',
      approved: 'off',
      review_requested: 'immediately',
    });
    expect((await put({ approved: 'sometimes' })).statusCode).toBe(400);
    // The owner's choices are untouched.
    const ownerPrefs = await call(t.app, { url: '/api/notifications/preferences', as: owner });
    expect(ownerPrefs.json().modes.publish_failed).toBe('immediately');
  });
});

describe('leaving an organisation', () => {
  it('hides its notifications from the person who left', async () => {
    const kim = await addMember(t, owner, orgId, ['editor'], 'Kim Kollegin');
    // Kim also works for the second organisation (an existing account joins it).
    await t.db.$client.query(`insert into memberships (org_id, user_id, roles) values ($1, $2, '{editor}')`, [
      otherOrgId,
      kim.userId,
    ]);
    await failed([kim.userId], 'Nord', orgId);
    await failed([kim.userId], 'Süd', otherOrgId);
    expect((await list(kim)).items.map((n) => n.organisationName).sort()).toEqual(['Jugendhilfe Nord', 'Kita Süd']);
    const left = await call(t.app, { method: 'DELETE', url: `/api/orgs/${otherOrgId}/members/${kim.userId}`, as: kim });
    expect(left.statusCode, left.body).toBe(204);
    const after = await list(kim);
    expect(after.items.map((n) => n.params.post)).toEqual(['Nord']);
    expect(after.unreadCount).toBe(1);
  });
});
