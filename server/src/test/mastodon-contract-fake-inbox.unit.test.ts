import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonFake, startMastodonFake } from './mastodon-contract-fake.ts';

// The fake's notifications, conversations and thread context, pinned to what
// docs.joinmastodon.org documents, so the inbox adapter's tests prove something.

let fake: MastodonFake;
beforeAll(async () => {
  fake = await startMastodonFake();
});
afterAll(() => fake.close());

function api(token: string) {
  return async (path: string, init: RequestInit = {}) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const res = await fetch(`${fake.url}${path}`, { ...init, headers });
    return { status: res.status, link: res.headers.get('link'), json: JSON.parse(await res.text()) };
  };
}

type Note = { id: string; type: string; account: { acct: string }; status: { id: string; content: string } };

describe('Mastodon contract fake: inbox', () => {
  it('notifies a mention, and a reply only through the @mention the composer prefills', async () => {
    const me = api(fake.issueToken('zentrum'));
    const ours = (await me('/api/v1/statuses', { method: 'POST', body: JSON.stringify({ status: 'Hallo' }) })).json;
    const silent = api(fake.issueToken('leise'));
    await silent('/api/v1/statuses', {
      method: 'POST',
      body: JSON.stringify({ status: 'ohne Erwähnung', in_reply_to_id: ours.id }),
    });
    const replyId = fake.postAs('anna', { text: 'Wann genau?', inReplyToId: ours.id });
    fake.postAs('ben', { text: 'Schaut mal', mentions: ['zentrum'] });

    const { json, link } = await me('/api/v1/notifications?types[]=mention');
    expect((json as Note[]).map((n) => [n.type, n.account.acct])).toEqual([
      ['mention', 'ben'],
      ['mention', 'anna'],
    ]);
    expect((json as Note[])[1]?.status).toMatchObject({
      id: replyId,
      in_reply_to_account_id: fake.accountId('zentrum'),
    });
    expect((json as Note[])[1]?.status.content).toContain('class="u-url mention">@<span>zentrum</span>');
    expect(link).toContain('types%5B%5D=mention');
    expect((await me('/api/v1/notifications?exclude_types[]=mention')).json).toEqual([]);
  });

  it('pages newest first with limit, max_id, since_id and min_id', async () => {
    const me = api(fake.issueToken('pager'));
    for (let i = 0; i < 5; i += 1) fake.postAs('fan', { text: `n${i}`, mentions: ['pager'] });
    const texts = async (query: string) =>
      ((await me(`/api/v1/notifications?${query}`)).json as Note[]).map((n) =>
        n.status.content.replace(/<[^>]+>/g, ''),
      );
    const all = (await me('/api/v1/notifications')).json as Note[];
    const ids = all.map((n) => n.id).reverse();
    expect(await texts('limit=2')).toEqual(['@pager n4', '@pager n3']);
    expect(await texts(`max_id=${ids[2]}`)).toEqual(['@pager n1', '@pager n0']);
    expect(await texts(`since_id=${ids[1]}&limit=2`)).toEqual(['@pager n4', '@pager n3']);
    expect(await texts(`min_id=${ids[1]}&limit=2`)).toEqual(['@pager n3', '@pager n2']);
    expect(await texts(`min_id=${ids[4]}`)).toEqual([]);
    expect((await api(fake.issueToken('pager', ['read:statuses']))('/api/v1/notifications')).status).toBe(403);
  });

  it('keeps direct statuses between author and mentioned, as conversations', async () => {
    const me = api(fake.issueToken('beratung'));
    const dm = fake.postAs('ratsuchend', { text: 'Ich brauche Hilfe', visibility: 'direct', mentions: ['beratung'] });
    const conversations = (await me('/api/v1/conversations')).json;
    expect(conversations).toMatchObject([
      { unread: true, accounts: [{ acct: 'ratsuchend' }], last_status: { id: dm, visibility: 'direct' } },
    ]);
    const stranger = api(fake.issueToken('fremd'));
    expect((await stranger(`/api/v1/statuses/${dm}`)).status).toBe(404);
    expect((await me(`/api/v1/statuses/${dm}`)).status).toBe(200);
    const answer = await me('/api/v1/statuses', {
      method: 'POST',
      body: JSON.stringify({ status: '@ratsuchend Gern', visibility: 'direct', in_reply_to_id: dm }),
    });
    const again = (await me('/api/v1/conversations')).json;
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: conversations[0].id, unread: false, last_status: { id: answer.json.id } });
  });

  it('answers a thread’s context: ancestors oldest first, descendants in reply order', async () => {
    const me = api(fake.issueToken('kontext'));
    const root = (await me('/api/v1/statuses', { method: 'POST', body: JSON.stringify({ status: 'Wurzel' }) })).json;
    const a = fake.postAs('a1', { text: 'Antwort', inReplyToId: root.id });
    const b = fake.postAs('b1', { text: 'Darauf', inReplyToId: a });
    const c1 = api(fake.issueToken('c1'));
    const direct = JSON.stringify({ status: '@a1 privat', in_reply_to_id: a, visibility: 'direct' });
    const hidden = (await c1('/api/v1/statuses', { method: 'POST', body: direct })).json.id;
    const ctx = (await me(`/api/v1/statuses/${b}/context`)).json;
    expect(ctx.ancestors.map((s: { id: string }) => s.id)).toEqual([root.id, a]);
    const rootCtx = (await me(`/api/v1/statuses/${root.id}/context`)).json;
    // The direct reply names only a1, so kontext does not see it.
    expect(rootCtx.descendants.map((s: { id: string }) => s.id)).toEqual([a, b]);
    expect(rootCtx.descendants).not.toContainEqual(expect.objectContaining({ id: hidden }));
    const anonymous = await fetch(`${fake.url}/api/v1/statuses/${b}/context`);
    expect(anonymous.status).toBe(200);
  });
});
