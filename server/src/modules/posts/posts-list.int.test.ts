import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addChannel } from './test-fixtures.ts';

let t: TestApp;
let owner: Browser;
let contributor: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Contributor');
  const channelId = await addChannel(t, orgId, 'feed', 'Website');
  const write = (text: string, tags: string[], as: Browser, when: Record<string, unknown> = { mode: 'draft' }) =>
    call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/posts`,
      as,
      body: { text, tags, targets: [{ channelId }], when },
    });
  await write('Sommerfest: Aufbau ab 10 Uhr', ['Sommerfest'], owner);
  await write('Sommerfest – 50% Rabatt_am_Kuchen', ['Sommerfest', 'Familien'], contributor);
  await write('Elternabend im Herbst', ['Familien', 'sommerfest'], owner, {
    mode: 'at',
    at: new Date(Date.now() + 86_400_000).toISOString(),
  });
  for (let i = 0; i < 4; i += 1) await write(`Notiz ${i}`, [], owner);
});

const list = (query: string) => call(t.app, { url: `/api/orgs/${orgId}/posts?${query}`, as: owner });
const texts = async (query: string) => (await list(query)).json().map((p: { text: string }) => p.text);

describe('GET /posts', () => {
  it('filters by tag, author, target state and text', async () => {
    expect(await texts('tag=Familien')).toEqual(['Elternabend im Herbst', 'Sommerfest – 50% Rabatt_am_Kuchen']);
    expect(await texts(`authorId=${contributor.userId}`)).toEqual(['Sommerfest – 50% Rabatt_am_Kuchen']);
    expect(await texts('state=scheduled')).toEqual(['Elternabend im Herbst']);
    expect(await texts('q=sommerFEST')).toHaveLength(2);
    // % and _ are text, not wildcards.
    expect(await texts('q=50%25')).toEqual(['Sommerfest – 50% Rabatt_am_Kuchen']);
    expect(await texts('q=n_a')).toEqual([]);
    expect(await texts('tag=Sommerfest&state=draft')).toHaveLength(2);
  });

  it('pages with a cursor: every post once, newest first', async () => {
    const seen: string[] = [];
    let query = 'limit=3';
    for (let page = 0; page < 5; page += 1) {
      const res = await list(query);
      seen.push(...res.json().map((p: { id: string }) => p.id));
      const next = res.headers['x-next-cursor'];
      if (!next) break;
      query = `limit=3&cursor=${next}`;
    }
    const all = (await list('limit=200')).json().map((p: { id: string }) => p.id);
    expect(seen).toEqual(all);
    expect(all).toHaveLength(7);
  });

  it('refuses bad filters with field details', async () => {
    const res = await list('state=verloren&limit=0&cursor=kaputt');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['limit', 'state']);
    const cursor = await list('cursor=kaputt');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.details[0]).toMatchObject({ field: 'cursor' });
  });
});

describe('GET /posts/tags', () => {
  it('counts each tag, most used first, for every member who can read', async () => {
    const res = await call(t.app, { url: `/api/orgs/${orgId}/posts/tags`, as: contributor });
    expect(res.statusCode).toBe(200);
    // Tags are kept as written; "sommerfest" on the third post is its own spelling.
    expect(res.json()).toEqual([
      { tag: 'Familien', count: 2 },
      { tag: 'Sommerfest', count: 2 },
      { tag: 'sommerfest', count: 1 },
    ]);
  });
});
