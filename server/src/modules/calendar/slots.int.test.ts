import { beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createFeedChannel } from '../feeds/test-factories.ts';
import { nextFreeSlots } from './queue-slots.ts';
import { insertPost } from './test-factories.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let channelId: string;
const url = () => `/api/orgs/${orgId}/channels/${channelId}/slots`;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  channelId = (await createFeedChannel(t.db, orgId)).id;
});

describe('posting slots', () => {
  it('replaces the whole week, without duplicates, sorted by weekday and time', async () => {
    const put = await call(t.app, {
      method: 'PUT',
      url: url(),
      as: owner,
      body: {
        slots: [
          { weekday: 4, time: '10:00' },
          { weekday: 2, time: '17:30' },
          { weekday: 2, time: '10:00' },
          { weekday: 4, time: '10:00' },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const expected = [
      { weekday: 2, time: '10:00' },
      { weekday: 2, time: '17:30' },
      { weekday: 4, time: '10:00' },
    ];
    expect(put.json()).toEqual({ channelId, slots: expected });
    expect((await call(t.app, { url: url(), as: owner })).json().slots).toEqual(expected);
    const again = await call(t.app, {
      method: 'PUT',
      url: url(),
      as: owner,
      body: { slots: [{ weekday: 5, time: '09:00' }] },
    });
    expect(again.json().slots).toEqual([{ weekday: 5, time: '09:00' }]);
    const invalid = await call(t.app, {
      method: 'PUT',
      url: url(),
      as: owner,
      body: { slots: [{ weekday: 8, time: '25:00' }] },
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('lets everyone read them and only the editorial team change them', async () => {
    const viewer = await addMember(t, owner, orgId, ['viewer'], 'Vera Viewer');
    expect((await call(t.app, { url: url(), as: viewer })).statusCode).toBe(200);
    const put = await call(t.app, { method: 'PUT', url: url(), as: viewer, body: { slots: [] } });
    expect(put.statusCode).toBe(403);
  });

  it('answers 404 for another organisation’s channel', async () => {
    const [other] = await t.db.insert(organisations).values({ name: 'Nachbarverein' }).returning();
    const foreign = await createFeedChannel(t.db, other!.id);
    const path = `/api/orgs/${orgId}/channels/${foreign.id}/slots`;
    expect((await call(t.app, { url: path, as: owner })).statusCode).toBe(404);
    expect((await call(t.app, { method: 'PUT', url: path, as: owner, body: { slots: [] } })).statusCode).toBe(404);
  });

  it('feeds the queue: the next slot no scheduled or published post of the channel occupies', async () => {
    await call(t.app, {
      method: 'PUT',
      url: url(),
      as: owner,
      body: { slots: [{ weekday: 2, time: '10:00' }] },
    });
    const bare = (await createFeedChannel(t.db, orgId)).id;
    const after = new Date('2030-01-07T12:00:00Z'); // a Monday
    // Tuesday 8 January is taken, a draft on the 15th does not count.
    await insertPost(t.db, orgId, {
      targets: [{ channelId, state: 'scheduled', dueAt: new Date('2030-01-08T09:00:00Z') }],
    });
    await insertPost(t.db, orgId, {
      plannedAt: new Date('2030-01-15T09:00:00Z'),
      targets: [{ channelId, state: 'draft' }],
    });
    const next = await nextFreeSlots(t.db, orgId, [channelId, bare], 'Europe/Berlin', after);
    expect(next.get(channelId)?.toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(next.get(bare)).toBeNull();
  });
});
