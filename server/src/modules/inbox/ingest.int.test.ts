import { responseDueAt } from '@nahbar/common';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthError, type InboxEntry, type InboxPage, TransientError } from '../../channels/contract.ts';
import { createRegistry } from '../../channels/registry.ts';
import { channels, inboxCursors, mailOutbox } from '../../db/schema/index.ts';
import { type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { until } from '../../test/wait.ts';
import { enqueueDueFetches } from './fetch-job.ts';
import { createChannel, createPublishedPost } from './test-factories.ts';
import { startInboxWorker } from './worker.ts';

// Ingest through our own code path: a network adapter whose fetchInbox pages through a list
// (two entries a page, cursor = position), registered like any adapter.
const feed: { entries: InboxEntry[]; fail: Error | null; calls: number } = { entries: [], fail: null, calls: 0 };
function fetchInbox(cursor: string | null): Promise<InboxPage> {
  feed.calls += 1;
  if (feed.fail) return Promise.reject(feed.fail);
  const from = cursor ? Number(cursor) : 0;
  const entries = feed.entries.slice(from, from + 2);
  return Promise.resolve({ entries, cursor: String(from + entries.length) });
}

const base = createRegistry();
const registry = {
  ...base,
  mastodon: {
    ...base.mastodon,
    capabilities: (s: Record<string, unknown>) => ({ ...base.mastodon.capabilities(s), inbox: true }),
    fetchInbox,
  },
};

const entry = (n: number, over: Partial<InboxEntry>): InboxEntry => ({
  remoteId: `s-${n}`,
  kind: 'reply',
  url: `https://social.example/@fan/s-${n}`,
  text: `Kommentar ${n}`,
  author: { id: `fan-${n}`, handle: `fan${n}@social.example`, displayName: `Fan ${n}`, url: null },
  createdAt: new Date('2025-03-04T09:00:00Z'), // a Tuesday
  rootRemoteId: null,
  parentRemoteId: null,
  conversationId: null,
  raw: { id: `s-${n}` },
  ...over,
});

let t: TestApp;
let owner: Browser;
let orgId: string;
let channelId: string;
let targetId: string;
let postId: string;

const list = async (query = '') => (await call(t.app, { url: `/api/orgs/${orgId}/inbox${query}`, as: owner })).json();
const fetchNow = () => call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/inbox/fetch`, as: owner });

beforeAll(async () => {
  t = await createTestApp({ deps: { registry } });
  ({ owner, orgId } = await setUp(t.app));
  const channel = await createChannel(t.db, orgId, { accountId: 'ours-1' });
  channelId = channel.id;
  const published = await createPublishedPost(t.db, channel, ['p-1', 'p-2']);
  targetId = published.target.id;
  postId = published.post.id;
  const patched = await call(t.app, {
    method: 'PATCH',
    url: `/api/orgs/${orgId}/inbox/settings`,
    as: owner,
    body: { workdayTargetMinutes: 60 },
  });
  expect(patched.statusCode, patched.body).toBe(200);
});

describe('ingest', () => {
  it('brings replies and mentions into the inbox, linked to our post, classified, due by the targets', async () => {
    feed.entries = [
      entry(1, { text: 'Wann beginnt das Fest?', rootRemoteId: 'p-1', parentRemoteId: 'p-2' }),
      entry(2, { kind: 'mention', text: '@jugendhilfe danke für eure tolle Arbeit!' }),
      // Our own answer in the thread: not something to answer.
      entry(3, { author: { id: 'ours-1', handle: 'jugendhilfe', displayName: null, url: null }, rootRemoteId: 'p-1' }),
      entry(4, { text: 'Und gibt es Kuchen?', rootRemoteId: 'p-1', parentRemoteId: 's-1' }),
    ];
    const first = await fetchNow();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ fetched: 3 });

    const page = await list();
    expect(page.items).toHaveLength(3);
    const byRemote = new Map(page.items.map((i: { remoteId: string }) => [i.remoteId, i]));
    const reply = byRemote.get('s-1') as Record<string, unknown>;
    expect(reply).toMatchObject({
      kind: 'reply',
      channelId,
      network: 'mastodon',
      status: 'open',
      author: { id: 'fan-1', handle: 'fan1@social.example', displayName: 'Fan 1' },
      post: { id: postId, targetId, text: 'Sommerfest am Samstag!' },
      overdue: true,
    });
    expect(reply.classes).toContain('question');
    const due = responseDueAt(
      new Date('2025-03-04T09:00:00Z'),
      { workdayMinutes: 60, weekendMinutes: 1440 },
      'Europe/Berlin',
    );
    expect(reply.dueAt).toBe(due.toISOString());
    // Linked through the root when the parent is someone else's comment.
    expect(byRemote.get('s-4')).toMatchObject({ post: { targetId } });
    expect(byRemote.get('s-2')).toMatchObject({ kind: 'mention', post: null });
    expect(byRemote.has('s-3')).toBe(false);
  });

  it('fetches only what is new, and never doubles an item when the network repeats itself', async () => {
    expect((await fetchNow()).json()).toEqual({ fetched: 0 });
    feed.entries.push(entry(5, { text: 'Noch eine Frage?' }));
    expect((await fetchNow()).json()).toEqual({ fetched: 1 });
    // The network hands everything out again (cursor lost at its end): nothing doubles.
    await t.db.update(inboxCursors).set({ cursor: null }).where(eq(inboxCursors.channelId, channelId));
    expect((await fetchNow()).json()).toEqual({ fetched: 0 });
    expect((await list()).items).toHaveLength(4);
  });

  it('keeps the cursor on a network error and tries again at the next poll', async () => {
    const [before] = await t.db.select().from(inboxCursors).where(eq(inboxCursors.channelId, channelId));
    feed.fail = new TransientError('server error (503)', 'Service Unavailable');
    expect((await fetchNow()).json()).toEqual({ fetched: 0 });
    const [after] = await t.db.select().from(inboxCursors).where(eq(inboxCursors.channelId, channelId));
    expect(after).toMatchObject({ cursor: before!.cursor, lastError: 'Service Unavailable' });
    expect(after!.nextFetchAt!.getTime()).toBeGreaterThan(Date.now());
    feed.fail = null;
    feed.entries.push(entry(6, {}));
    expect((await fetchNow()).json()).toEqual({ fetched: 1 });
    const [healed] = await t.db.select().from(inboxCursors).where(eq(inboxCursors.channelId, channelId));
    expect(healed!.lastError).toBeNull();
  });

  it('polls channels on their interval through the worker', async () => {
    feed.entries.push(entry(7, { text: 'Per Abfrage geholt' }));
    // Not due yet: the last fetch set the next poll 5 minutes ahead.
    expect(await enqueueDueFetches(t.deps)).toBe(0);
    t.advance(6 * 60_000);
    const worker = await startInboxWorker(t.deps, { sweepIntervalMs: 3_600_000 });
    try {
      const page = await until(list, (p) => p.items.some((i: { remoteId: string }) => i.remoteId === 's-7'));
      expect(page.items.map((i: { remoteId: string }) => i.remoteId)).toContain('s-7');
    } finally {
      await worker.stop();
    }
  });

  it('polls a channel on its own interval when one is set, otherwise on the organisation’s', async () => {
    const patch = (inboxPollMinutes: number | null) =>
      call(t.app, {
        method: 'PATCH',
        url: `/api/orgs/${orgId}/channels/${channelId}`,
        as: owner,
        body: { inboxPollMinutes },
      });
    expect((await patch(1)).json().inboxPollMinutes).toBe(1);
    const nextFetch = async () => {
      await fetchNow();
      const [row] = await t.db.select().from(inboxCursors).where(eq(inboxCursors.channelId, channelId));
      return row!.nextFetchAt!.getTime() - t.deps.clock().getTime();
    };
    expect(await nextFetch()).toBeLessThanOrEqual(60_000);
    expect((await patch(null)).json().inboxPollMinutes).toBeNull();
    expect(await nextFetch()).toBeGreaterThan(4 * 60_000);
  });

  it('puts the channel on "needs reconnect" and tells the owner when the network refuses the credentials', async () => {
    feed.fail = new AuthError('rejected credentials (401)', 'The access token is invalid');
    await fetchNow();
    const [channel] = await t.db.select().from(channels).where(eq(channels.id, channelId));
    expect(channel).toMatchObject({ status: 'needs_reconnect', statusMessage: 'The access token is invalid' });
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.orgId, orgId));
    expect(mails.some((m) => m.subject.includes('neu verbunden'))).toBe(true);
    // Not asked again until someone reconnects it.
    const calls = feed.calls;
    feed.fail = null;
    expect((await fetchNow()).json()).toEqual({ fetched: 0 });
    expect(feed.calls).toBe(calls);
  });
});
