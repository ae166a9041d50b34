import { randomUUID } from 'node:crypto';
import { AppBskyFeedDefs, type AppBskyFeedPost, AtpAgent, AtUri, RichText } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BlueskyNetwork, startBlueskyNetwork, type TestAccount } from '../../test/bluesky-network.ts';
import {
  type AdapterContext,
  AuthError,
  type InboxEntry,
  type InboxRef,
  type PublishInput,
  RejectedError,
} from '../contract.ts';
import { blueskyAdapter } from './adapter.ts';

// The community inbox against a real local Bluesky network (PLC, PDS, AppView), started once
// for this file: alice is our channel, bob answers her posts, carol mentions her.

let network: BlueskyNetwork;
let alice: TestAccount;
let bob: TestAccount;
let carol: TestAccount;
let bobAgent: AtpAgent;
let carolAgent: AtpAgent;
const adapter = blueskyAdapter();
const required = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('adapter method missing');
  return value;
};
const fetchInbox = required(adapter.fetchInbox);
const reply = required(adapter.reply);
const hide = required(adapter.hide);

beforeAll(async () => {
  network = await startBlueskyNetwork();
  console.info(`Bluesky test network started in ${network.startupMs} ms`);
  [alice, bob, carol] = [
    await network.createAccount('alice'),
    await network.createAccount('bob'),
    await network.createAccount('carol'),
  ];
  bobAgent = await login(bob);
  carolAgent = await login(carol);
}, 120_000);

afterAll(async () => {
  await network?.close();
}, 60_000);

async function login(account: TestAccount): Promise<AtpAgent> {
  const agent = new AtpAgent({ service: network.pdsUrl });
  await agent.login({ identifier: account.handle, password: account.password });
  return agent;
}

function ctx(account: TestAccount, appPassword = account.appPassword): AdapterContext {
  return {
    credentials: { service: network.pdsUrl, identifier: account.handle, appPassword },
    settings: { service: network.pdsUrl },
    channelId: `channel-${account.handle}`,
    publicUrl: 'http://nahbar.test',
  };
}

function input(parts: string[], idempotencyKey = randomUUID()): PublishInput {
  const createdAt = new Date('2026-03-02T10:00:00.000Z');
  return { idempotencyKey, parts, media: [], language: 'de', contentWarning: null, visibility: 'public', createdAt };
}

type Ref = { uri: string; cid: string };

async function answer(agent: AtpAgent, text: string, to: Ref, root: Ref = to): Promise<Ref> {
  return agent.post({ text, reply: { root, parent: to } });
}

async function mention(agent: AtpAgent, text: string): Promise<Ref> {
  const rt = new RichText({ text });
  await rt.detectFacets(agent);
  return agent.post({ text: rt.text, facets: rt.facets });
}

async function ourPost(text: string): Promise<Ref> {
  const published = await adapter.publish(input([text]), ctx(alice));
  const at = new AtUri(published.remoteId);
  const record = await bobAgent.com.atproto.repo.getRecord({ repo: at.host, collection: at.collection, rkey: at.rkey });
  // The AppView indexes repositories in parallel: a reply indexed before the post it answers
  // never notifies the post's author (dev-env's indexer skips that case). People answer
  // after the post has arrived, so the tests do too.
  await network.processAll();
  return { uri: published.remoteId, cid: record.data.cid ?? '' };
}

/** Texts of the direct replies to `uri` in the AppView's thread. */
async function repliesTo(rootUri: string, uri: string): Promise<{ uri: string; text: string }[]> {
  await network.processAll();
  const find = (node: unknown): AppBskyFeedDefs.ThreadViewPost | null => {
    if (!AppBskyFeedDefs.isThreadViewPost(node)) return null;
    const view = node as AppBskyFeedDefs.ThreadViewPost;
    if (view.post.uri === uri) return view;
    for (const child of view.replies ?? []) {
      const hit = find(child);
      if (hit) return hit;
    }
    return null;
  };
  const node = find(await network.thread(rootUri));
  return (node?.replies ?? []).filter(AppBskyFeedDefs.isThreadViewPost).map((r) => {
    const view = r as AppBskyFeedDefs.ThreadViewPost;
    return { uri: view.post.uri, text: (view.post.record as AppBskyFeedPost.Record).text };
  });
}

/** An inbox item as fetchInbox delivers it, for posts whose notification we do not wait for. */
function item(ref: Ref, root: Ref, kind: InboxEntry['kind']): InboxRef {
  const record = { text: '', createdAt: new Date().toISOString(), reply: { root, parent: root } };
  return {
    remoteId: ref.uri,
    kind,
    rootRemoteId: root.uri,
    parentRemoteId: root.uri,
    conversationId: null,
    raw: { cid: ref.cid, record },
  };
}

function texts(entries: InboxEntry[]): string[] {
  return entries.map((e) => e.text);
}

let post: Ref;
let bobsReply: InboxEntry;
let carolsMention: InboxEntry;

describe('fetchInbox', () => {
  test('a reply to our post and a mention arrive once, oldest first, linked to our post', async () => {
    post = await ourPost('Offener Treff heute bis 20 Uhr');
    const bobRef = await answer(bobAgent, 'Ist auch am Samstag offen?', post);
    const carolRef = await mention(carolAgent, `Danke @${alice.handle} für den tollen Abend!`);
    await network.processAll();

    const first = await fetchInbox(null, ctx(alice));
    expect(texts(first.entries)).toEqual([
      'Ist auch am Samstag offen?',
      `Danke @${alice.handle} für den tollen Abend!`,
    ]);
    [bobsReply, carolsMention] = first.entries as [InboxEntry, InboxEntry];
    expect(bobsReply).toMatchObject({
      remoteId: bobRef.uri,
      kind: 'reply',
      url: `https://bsky.app/profile/${bob.handle}/post/${new AtUri(bobRef.uri).rkey}`,
      author: { id: bob.did, handle: bob.handle, displayName: null, url: `https://bsky.app/profile/${bob.handle}` },
      rootRemoteId: post.uri,
      parentRemoteId: post.uri,
      conversationId: null,
      raw: { uri: bobRef.uri, cid: bobRef.cid, reason: 'reply' },
    });
    expect(bobsReply.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(carolsMention).toMatchObject({
      remoteId: carolRef.uri,
      kind: 'mention',
      author: { id: carol.did, handle: carol.handle },
      rootRemoteId: null,
      parentRemoteId: null,
      raw: { cid: carolRef.cid, reason: 'mention' },
    });

    const again = await fetchInbox(first.cursor, ctx(alice));
    expect(again.entries).toEqual([]);

    await answer(bobAgent, 'Und am Sonntag?', post);
    await network.processAll();
    const next = await fetchInbox(again.cursor, ctx(alice));
    expect(texts(next.entries)).toEqual(['Und am Sonntag?']);
    expect(next.entries[0]?.rootRemoteId).toBe(post.uri);
    expect((await fetchInbox(next.cursor, ctx(alice))).entries).toEqual([]);
  });

  test('an answer deeper in our thread is a reply linked to our post as its root', async () => {
    const bobRef = { uri: bobsReply.remoteId, cid: String(bobsReply.raw.cid) };
    const { cursor } = await fetchInbox(null, ctx(alice));
    await answer(carolAgent, `@${bob.handle} ja, samstags auch`, bobRef, post);
    await network.processAll();
    const page = await fetchInbox(cursor, ctx(alice));
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ kind: 'reply', rootRemoteId: post.uri, parentRemoteId: bobRef.uri });
  });

  test('a wrong app password is an AuthError', async () => {
    const error = await fetchInbox(null, ctx(alice, 'aaaa-bbbb-cccc-dddd')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
  });
});

describe('reply', () => {
  test('our answer appears under the reply in our thread, once even when sent twice', async () => {
    const same = input(['Ja, samstags von 14 bis 18 Uhr.']);
    const first = await reply(bobsReply, same, ctx(alice));
    const second = await reply(bobsReply, same, ctx(alice));
    expect(second).toEqual(first);
    const answers = await repliesTo(post.uri, bobsReply.remoteId);
    expect(answers.filter((a) => a.text === 'Ja, samstags von 14 bis 18 Uhr.')).toEqual([
      { uri: first.remoteId, text: 'Ja, samstags von 14 bis 18 Uhr.' },
    ]);
    const at = new AtUri(first.remoteId);
    const record = await bobAgent.com.atproto.repo.getRecord({
      repo: at.host,
      collection: at.collection,
      rkey: at.rkey,
    });
    expect((record.data.value as AppBskyFeedPost.Record).reply).toEqual({
      root: { uri: post.uri, cid: post.cid },
      parent: { uri: bobsReply.remoteId, cid: bobsReply.raw.cid },
    });
    expect(first.url).toBe(`https://bsky.app/profile/${alice.handle}/post/${at.rkey}`);
  });

  test('a long answer to a mention becomes a chain under the mentioning post', async () => {
    const parts = ['Danke dir! Teil eins.', 'Teil zwei folgt hier.'];
    const answered = await reply(carolsMention, input(parts), ctx(alice));
    expect(answered.parts).toHaveLength(2);
    const underMention = await repliesTo(carolsMention.remoteId, carolsMention.remoteId);
    expect(underMention).toEqual([{ uri: answered.parts[0], text: parts[0] }]);
    const underFirst = await repliesTo(carolsMention.remoteId, answered.parts[0] as string);
    expect(underFirst).toEqual([{ uri: answered.parts[1], text: parts[1] }]);
  });
});

describe('hide', () => {
  test("a reply under our post goes into the post's threadgate, which keeps its reply rules", async () => {
    const gated = await ourPost('Diskussion zum Sommerfest');
    const rude = await answer(bobAgent, 'Unfreundlicher Kommentar', gated);
    const kind = await answer(carolAgent, 'Netter Kommentar', gated);
    // The account already limits replies to followers in the Bluesky app.
    const aliceAgent = await login(alice);
    const rkey = new AtUri(gated.uri).rkey;
    await aliceAgent.com.atproto.repo.putRecord({
      repo: alice.did,
      collection: 'app.bsky.feed.threadgate',
      rkey,
      record: {
        $type: 'app.bsky.feed.threadgate',
        post: gated.uri,
        allow: [{ $type: 'app.bsky.feed.threadgate#followerRule' }],
        createdAt: new Date().toISOString(),
      },
    });

    await hide(item(rude, gated, 'reply'), ctx(alice));
    await hide(item(rude, gated, 'reply'), ctx(alice));
    const gate = await aliceAgent.com.atproto.repo.getRecord({
      repo: alice.did,
      collection: 'app.bsky.feed.threadgate',
      rkey,
    });
    expect(gate.data.value).toMatchObject({
      post: gated.uri,
      allow: [{ $type: 'app.bsky.feed.threadgate#followerRule' }],
      hiddenReplies: [rude.uri],
    });

    // The AppView's thread, as others than its author see it, leaves the hidden reply out of the thread.
    await network.processAll();
    const view = await carolAgent.app.bsky.unspecced.getPostThreadV2({ anchor: gated.uri });
    const shown = view.data.thread.map((item) => item.uri);
    expect(shown).toContain(kind.uri);
    expect(shown).not.toContain(rude.uri);
    expect(view.data.threadgate?.record).toMatchObject({ hiddenReplies: [rude.uri] });
  });

  test('hiding is refused under someone else’s post and for a mention outside our threads', async () => {
    const bobsPost = await bobAgent.post({ text: 'Bobs eigener Beitrag' });
    const foreign = await answer(carolAgent, `@${alice.handle} was meinst du?`, bobsPost);
    const error = await hide(item(foreign, bobsPost, 'mention'), ctx(alice)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedError);
    expect((error as RejectedError).networkMessage).toMatch(/someone else's post/);
    await expect(hide(carolsMention, ctx(alice))).rejects.toBeInstanceOf(RejectedError);
  });
});

describe('moderation links', () => {
  test('report links to the post page; mute and block are actions in the Bluesky app', () => {
    const links = required(adapter.moderationLinks)({ ...bobsReply, authorHandle: bob.handle }, ctx(alice));
    expect(links).toEqual({ mute: null, block: null, report: bobsReply.url });
  });
});
