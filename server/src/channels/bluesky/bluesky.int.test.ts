import { randomUUID } from 'node:crypto';
import { AppBskyEmbedImages, AppBskyFeedDefs, type AppBskyFeedPost, AtpAgent, AtUri } from '@atproto/api';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testVideo } from '../../modules/media/test-video.ts';
import { type BlueskyNetwork, startBlueskyNetwork, type TestAccount } from '../../test/bluesky-network.ts';
import { type AdapterContext, AuthError, type MediaFile, type PublishInput, RejectedError } from '../contract.ts';
import { blueskyAdapter } from './adapter.ts';

// Against a real local Bluesky network (PLC, PDS, AppView), started once for this file.

let network: BlueskyNetwork;
let alice: TestAccount;
let bob: TestAccount;
const adapter = blueskyAdapter();

beforeAll(async () => {
  network = await startBlueskyNetwork();
  console.info(`Bluesky test network started in ${network.startupMs} ms`);
  alice = await network.createAccount('alice');
  bob = await network.createAccount('bob');
  const agent = new AtpAgent({ service: network.pdsUrl });
  await agent.login({ identifier: alice.handle, password: alice.password });
  await agent.com.atproto.repo.putRecord({
    repo: alice.did,
    collection: 'app.bsky.actor.profile',
    rkey: 'self',
    record: { $type: 'app.bsky.actor.profile', displayName: 'Jugendtreff Nord' },
  });
}, 120_000);

afterAll(async () => {
  await network?.close();
}, 60_000);

function ctx(account: TestAccount, appPassword = account.appPassword): AdapterContext {
  return {
    credentials: { service: network.pdsUrl, identifier: account.handle, appPassword },
    settings: { service: network.pdsUrl },
    channelId: `channel-${account.handle}`,
    publicUrl: 'http://nahbar.test',
  };
}

function input(parts: string[], media: MediaFile[] = []): PublishInput {
  return {
    idempotencyKey: randomUUID(),
    parts,
    media,
    language: 'de',
    contentWarning: null,
    visibility: 'public',
    createdAt: new Date(),
  };
}

async function feedTexts(handle: string): Promise<string[]> {
  await network.processAll();
  return (await network.authorFeed(handle)).map((item) => (item.post.record as AppBskyFeedPost.Record).text);
}

async function image(width: number, height: number, noise: boolean, alt: string): Promise<MediaFile> {
  const base = noise
    ? sharp(Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))), {
        raw: { width, height, channels: 3 },
      })
    : sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } });
  const bytes = noise ? await base.png().toBuffer() : await base.jpeg().toBuffer();
  return { id: randomUUID(), mime: noise ? 'image/png' : 'image/jpeg', bytes, alt, width, height };
}

describe('connect', () => {
  test('verify names the account, with the display name from its profile', async () => {
    const info = await adapter.verify(ctx(alice));
    expect(info).toEqual({
      id: alice.did,
      handle: alice.handle,
      displayName: 'Jugendtreff Nord',
      url: `https://bsky.app/profile/${alice.handle}`,
    });
    expect((await adapter.verify(ctx(bob))).displayName).toBeNull();
  });

  test('a wrong app password is an AuthError carrying the PDS message', async () => {
    const error = await adapter.verify(ctx(alice, 'aaaa-bbbb-cccc-dddd')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).networkMessage).toBe('Invalid identifier or password');
  });
});

describe('publish', () => {
  test('images with alt text (one re-encoded below 1 MB), link and mention facets', async () => {
    const small = await image(400, 300, false, 'Plakat zum Sommerfest');
    const large = await image(1600, 1200, true, 'Rauschen als Testbild');
    expect(large.bytes.length).toBeGreaterThan(1_000_000);
    const text = 'Sommerfest! Infos: https://example.org/fest mit @bob.test und @niemand.test';
    const post = await adapter.publish(input([text], [small, large]), ctx(alice));

    await network.processAll();
    const item = (await network.authorFeed(alice.handle)).find((i) => i.post.uri === post.remoteId);
    expect(item).toBeDefined();
    const embed = item?.post.embed;
    if (!AppBskyEmbedImages.isView(embed)) throw new Error('no image embed');
    expect(embed.images.map((i) => i.alt)).toEqual(['Plakat zum Sommerfest', 'Rauschen als Testbild']);
    expect(embed.images[0]?.aspectRatio).toEqual({ width: 400, height: 300 });
    const record = item?.post.record as AppBskyFeedPost.Record;
    expect(record.langs).toEqual(['de']);
    const features = (record.facets ?? []).flatMap((f) => f.features);
    expect(features).toContainEqual(expect.objectContaining({ uri: 'https://example.org/fest' }));
    expect(features).toContainEqual(expect.objectContaining({ did: bob.did }));
    // The unknown handle stays text without a facet instead of failing the post.
    expect(features).toHaveLength(2);
    const rkey = new AtUri(post.remoteId).rkey;
    expect(post.url).toBe(`https://bsky.app/profile/${alice.handle}/post/${rkey}`);
  });

  test('a three-part thread appears as a reply chain in order', async () => {
    const parts = ['Teil 1: Heute neu im Treff', 'Teil 2: Kicker-Turnier ab 16 Uhr', 'Teil 3: Anmeldung vor Ort'];
    const post = await adapter.publish(input(parts), ctx(alice));
    expect(post.parts).toHaveLength(3);
    expect(post.remoteId).toBe(post.parts[0]);

    await network.processAll();
    const chain: string[] = [];
    let node: unknown = await network.thread(post.remoteId);
    while (AppBskyFeedDefs.isThreadViewPost(node)) {
      const view = node as AppBskyFeedDefs.ThreadViewPost;
      chain.push((view.post.record as AppBskyFeedPost.Record).text);
      node = view.replies?.[0];
    }
    expect(chain).toEqual(parts);
  });

  test('the limit counts graphemes: 300 are accepted, 301 rejected with the PDS reason', async () => {
    const accepted = await adapter.publish(input(['e\u0301'.repeat(300)]), ctx(alice));
    expect(accepted.parts).toHaveLength(1);
    const error = await adapter.publish(input(['a'.repeat(301)]), ctx(alice)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedError);
    expect((error as RejectedError).networkMessage).toMatch(/grapheme too big \(maximum 300, got 301\)/);
  });
  test('more than four images are refused before anything is posted', async () => {
    const images = await Promise.all([1, 2, 3, 4, 5].map((n) => image(40, 30, false, `Bild ${n}`)));
    const error = await adapter.publish(input(['Fünf Bilder'], images), ctx(alice)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedError);
    expect(await feedTexts(alice.handle)).not.toContain('Fünf Bilder');
  });
});

describe('video', () => {
  test('one video with alt text and WebVTT captions becomes an app.bsky.embed.video record', async () => {
    const bytes = testVideo({ width: 1080, height: 1920 });
    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen im Treff!\n');
    const video: MediaFile = {
      id: randomUUID(),
      kind: 'video',
      mime: 'video/mp4',
      bytes,
      alt: 'Rundgang durch den Jugendtreff',
      width: 1080,
      height: 1920,
      durationMs: 12_500,
      captions: { bytes: vtt, lang: 'de' },
    };
    const post = await adapter.publish(input(['Unser Treff im Video'], [video]), ctx(alice));

    const agent = new AtpAgent({ service: network.pdsUrl });
    const at = new AtUri(post.remoteId);
    const { data } = await agent.com.atproto.repo.getRecord({
      repo: at.host,
      collection: at.collection,
      rkey: at.rkey,
    });
    const embed = (data.value as AppBskyFeedPost.Record).embed as unknown as {
      $type: string;
      alt: string;
      aspectRatio: { width: number; height: number };
      video: { mimeType: string; size: number; ref: { toString(): string } };
      captions: { lang: string; file: { mimeType: string; ref: { toString(): string } } }[];
    };
    expect(embed).toMatchObject({
      $type: 'app.bsky.embed.video',
      alt: 'Rundgang durch den Jugendtreff',
      aspectRatio: { width: 1080, height: 1920 },
      video: { mimeType: 'video/mp4', size: bytes.length },
    });
    expect(embed.captions).toHaveLength(1);
    expect(embed.captions[0]).toMatchObject({ lang: 'de', file: { mimeType: 'text/vtt' } });
    // The blobs on the PDS are exactly what we sent.
    const blob = (cid: string) =>
      agent.com.atproto.sync.getBlob({ did: alice.did, cid }).then((r) => Buffer.from(r.data));
    expect(await blob(embed.video.ref.toString())).toEqual(bytes);
    expect(await blob(embed.captions[0]!.file.ref.toString())).toEqual(vtt);
  });
});

describe('exactly once', () => {
  test('publishing the same input twice leaves one post and returns the same remoteId', async () => {
    const same = input(['Nur einmal, auch beim Wiederholen', 'mit Antwort']);
    const first = await adapter.publish(same, ctx(alice));
    const second = await adapter.publish(same, ctx(alice));
    expect(second).toEqual(first);
    const texts = await feedTexts(alice.handle);
    expect(texts.filter((t) => t === 'Nur einmal, auch beim Wiederholen')).toHaveLength(1);
    expect(texts.filter((t) => t === 'mit Antwort')).toHaveLength(1);
  });

  test('find returns the post by its key, and null for an unused key', async () => {
    const post = input(['Wiederfinden nach einem Absturz', 'Teil zwei']);
    const published = await adapter.publish(post, ctx(alice));
    expect(await adapter.find(post, ctx(alice), new Date(0))).toEqual(published);
    expect(await adapter.find(input(['nie gesendet']), ctx(alice), new Date(0))).toBeNull();
  });

  test('a thread cut short by a crash is not "found", and publishing again completes it', async () => {
    const full = input(['Abbruch Teil 1', 'Abbruch Teil 2', 'Abbruch Teil 3']);
    const crashed = await adapter.publish({ ...full, parts: full.parts.slice(0, 1) }, ctx(alice));
    expect(await adapter.find(full, ctx(alice), new Date(0))).toBeNull();
    const completed = await adapter.publish(full, ctx(alice));
    expect(completed.remoteId).toBe(crashed.remoteId);
    expect(completed.parts).toHaveLength(3);
    const texts = await feedTexts(alice.handle);
    expect(texts.filter((t) => t.startsWith('Abbruch'))).toHaveLength(3);
  });
});

describe('remove', () => {
  test('deletes every part; removing again is fine', async () => {
    const post = await adapter.publish(input(['Löschen 1', 'Löschen 2']), ctx(alice));
    await adapter.remove(post, ctx(alice));
    const texts = await feedTexts(alice.handle);
    expect(texts.filter((t) => t.startsWith('Löschen'))).toEqual([]);
    const pds = new AtpAgent({ service: network.pdsUrl });
    for (const uri of post.parts) {
      const at = new AtUri(uri);
      const error = await pds.com.atproto.repo
        .getRecord({ repo: at.host, collection: at.collection, rkey: at.rkey })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ error: 'RecordNotFound' });
    }
    await expect(adapter.remove(post, ctx(alice))).resolves.toBeUndefined();
  });
});
