import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createChannel, insertItems } from './test-factories.ts';

// The list as people use it: filters, crisis first, paging through everything exactly once.
let t: TestApp;
let owner: Browser;
let editor: Browser;
let orgId: string;
let channelA: string;
let channelB: string;

type Item = { id: string; channelId: string; priority: number; receivedAt: string; overdue: boolean };
type Page = { items: Item[]; next: string | null };
const get = async (query: string, as = owner) => {
  const res = await call(t.app, { url: `/api/orgs/${orgId}/inbox${query}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

async function walk(query: string, limit: number) {
  const seen: Page['items'] = [];
  let next: string | null = null;
  do {
    const page: Page = await get(`?limit=${limit}${query}${next ? `&after=${next}` : ''}`);
    seen.push(...page.items);
    next = page.next;
  } while (next);
  return seen;
}

const hour = 3_600_000;
const now = Date.now();

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Eda Editor');
  const a = await createChannel(t.db, orgId, { name: 'Mastodon' });
  const b = await createChannel(t.db, orgId, { name: 'Bluesky', network: 'bluesky' });
  channelA = a.id;
  channelB = b.id;
  // 120 items on A: several share the same second, so the id decides their order.
  const same = new Date(now - 5 * hour);
  await insertItems(
    t.db,
    a,
    Array.from({ length: 120 }, (_, i) => {
      const receivedAt = i % 10 === 0 ? same : new Date(now - i * 60_000);
      return {
        receivedAt,
        status: i % 4 === 0 ? 'answered' : 'open',
        priority: i % 30 === 0 ? 3 : i % 7 === 0 ? 1 : 0,
        primaryClass: i % 30 === 0 ? 'crisis' : i % 7 === 0 ? 'question' : null,
        classes: i % 30 === 0 ? ['crisis'] : i % 7 === 0 ? ['question'] : [],
        dueAt: new Date(receivedAt.getTime() + 30 * 60_000),
        assigneeId: i % 5 === 0 ? editor.userId : null,
      };
    }),
  );
  await insertItems(
    t.db,
    b,
    Array.from({ length: 15 }, () => ({ receivedAt: new Date(now - 2 * hour), dueAt: new Date(now + hour) })),
  );
});

function sortedLikeTheList(items: Page['items']) {
  const copy = [...items];
  copy.sort(
    (x, y) =>
      y.priority - x.priority ||
      Date.parse(y.receivedAt) - Date.parse(x.receivedAt) ||
      (y.id < x.id ? -1 : y.id > x.id ? 1 : 0),
  );
  return copy;
}

describe('inbox list', () => {
  it('pages through every item exactly once, crisis first, then newest', async () => {
    const all = await walk('', 7);
    expect(all).toHaveLength(135);
    expect(new Set(all.map((i) => i.id)).size).toBe(135);
    expect(all.map((i) => i.id)).toEqual(sortedLikeTheList(all).map((i) => i.id));
    expect(all[0]!.priority).toBe(3);
  });

  it('filters by status, channel, class, assignee and overdue, also across pages', async () => {
    const open = await walk('&status=open', 11);
    expect(open).toHaveLength(90 + 15);
    expect((await walk(`&channelId=${channelB}`, 4)).length).toBe(15);
    expect((await walk(`&channelId=${channelA}&status=answered`, 9)).length).toBe(30);
    const crisis = await walk('&class=crisis', 2);
    expect(crisis.map((i) => i.priority)).toEqual([3, 3, 3, 3]);
    const mine = await call(t.app, { url: `/api/orgs/${orgId}/inbox?assignedToMe=true&limit=100`, as: editor });
    expect(mine.json().items).toHaveLength(24);
    expect((await get('?assignedToMe=true')).items).toHaveLength(0);
    // due 30 minutes after receipt: overdue are the open ones older than half an hour.
    const overdue = await walk('&overdue=true', 13);
    const expected = open.filter((i) => i.channelId === channelA && Date.parse(i.receivedAt) < now - 30 * 60_000);
    expect(overdue.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());
    expect(overdue.every((i) => i.overdue)).toBe(true);
  });

  it('refuses a forged page position', async () => {
    const res = await call(t.app, { url: `/api/orgs/${orgId}/inbox?after=bm9wZQ`, as: owner });
    expect(res.statusCode).toBe(400);
  });

  it('counts open, overdue, mine and crisis for the badge', async () => {
    const res = await call(t.app, { url: `/api/orgs/${orgId}/inbox/counts`, as: editor });
    expect(res.statusCode, res.body).toBe(200);
    const open = await walk('&status=open', 100);
    const overdue = await walk('&overdue=true', 100);
    expect(res.json()).toEqual({
      open: open.length,
      overdue: overdue.length,
      mine: 18, // 24 assigned to the editor, 6 of them answered
      crisis: 2, // crisis at i = 0, 30, 60, 90; 0 and 60 are answered
    });
  });
});
