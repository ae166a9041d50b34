import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLUESKY_CAPABILITIES } from '../../channels/bluesky/capabilities.ts';
import { imageVariantFor } from '../../jobs/publish-input.ts';
import { diskStore } from '../../storage/disk-store.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { testVideo } from './test-video.ts';
import { networkImage } from './variants.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
// Our own media directory, so the tests can count the files a refused upload must not leave.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-media-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  t = await createTestApp({ deps: { media: diskStore(dir) } });
  ({ owner, orgId } = await setUp(t.app));
});

function upload(bytes: Buffer, type: string, options: { as?: Browser; name?: string } = {}) {
  const as = options.as ?? owner;
  const query = options.name ? `?name=${encodeURIComponent(options.name)}` : '';
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/media${query}`,
    headers: { cookie: `nahbar_session=${as.cookie}`, 'x-csrf-token': as.csrf, 'content-type': type },
    payload: bytes,
  });
}

async function stock() {
  const rows = (await t.db.$client.query<{ n: number }>('select count(*)::int as n from media')).rows[0]!.n;
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  return { rows, files };
}

/** A photo-like JPEG with camera make and GPS position in its EXIF. */
async function gpsPhoto(width: number, height: number): Promise<Buffer> {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i += 1) noise[i] = Math.floor(Math.random() * 256);
  // Softened noise: as hard to compress as a detailed photo, not as hopeless as pure noise.
  const soft = await sharp(noise, { raw: { width, height, channels: 3 } })
    .blur(1.2)
    .raw()
    .toBuffer();
  return sharp(soft, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .withExif({
      IFD0: { Make: 'Kamera GmbH', Model: 'Nahaufnahme 3000' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '13/1 24/1 0/1' },
    })
    .toBuffer();
}

const get = (url: string, as = owner) => call(t.app, { url, as });

/** The bytes publishing sends for this image (publish-input's variant, cached). */
async function publishVariant(id: string, network: 'bluesky' | 'mastodon') {
  const [row] = (await t.db.$client.query('select * from media where id = $1', [id])).rows;
  const caps =
    network === 'bluesky'
      ? BLUESKY_CAPABILITIES
      : { ...BLUESKY_CAPABILITIES, counting: 'mastodon' as const, maxImageBytes: 16 * 1024 * 1024 };
  const source = {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind,
    mime: row.mime,
    width: row.width,
    height: row.height,
    size: row.size,
    storageKey: row.storage_key,
  };
  return networkImage(t.deps, source, imageVariantFor(caps));
}

describe('EXIF never leaves nahbar', () => {
  it('the stored photo and each variant carry no EXIF at all (read with exifr)', async () => {
    const photo = await gpsPhoto(2400, 1600);
    const before = await exifr.parse(photo, { gps: true });
    expect(before).toMatchObject({ Make: 'Kamera GmbH' });
    expect(before.latitude).toBeCloseTo(52.5167, 3);

    const created = await upload(photo, 'image/jpeg', { name: 'Sommerfest.jpg' });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ kind: 'image', originalName: 'Sommerfest.jpg', thumbUrl: `${item.url}/thumb` });

    const stored = (await get(item.url)).rawPayload;
    const thumb = await get(item.thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const thumbMeta = await sharp(thumb.rawPayload).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([400, 267]);
    expect(thumbMeta.exif).toBeUndefined(); // exifr reads no WebP; sharp sees every chunk
    expect(thumbMeta.xmp).toBeUndefined();

    const bluesky = await publishVariant(item.id, 'bluesky');
    expect(bluesky.bytes.length).toBeLessThanOrEqual(1_000_000);
    expect(Math.max(bluesky.width, bluesky.height)).toBeLessThanOrEqual(2000);
    const mastodon = await publishVariant(item.id, 'mastodon');
    for (const bytes of [stored, bluesky.bytes, mastodon.bytes]) {
      expect(await exifr.parse(bytes, true)).toBeUndefined();
    }
    for (const bytes of [stored, thumb.rawPayload, bluesky.bytes, mastodon.bytes]) {
      expect(bytes.includes('Kamera GmbH')).toBe(false);
    }
    // The thumb and the Bluesky size are cached (rows + files); Mastodon takes the original as it is.
    const variants = await t.db.$client.query<{ variant: string; storage_key: string }>(
      'select variant, storage_key from media_variants where media_id = $1 order by variant',
      [item.id],
    );
    expect(variants.rows.map((v) => v.variant)).toEqual(['bluesky', 'thumb']);
    for (const v of variants.rows) expect(fs.existsSync(path.join(dir, v.storage_key))).toBe(true);
    expect(mastodon.bytes).toEqual(stored);
    // A second thumb comes from the cache, byte for byte.
    expect((await get(item.thumbUrl)).rawPayload).toEqual(thumb.rawPayload);
  });
});

describe('video and subtitles', () => {
  it('keeps an MP4 as uploaded with its duration and size', async () => {
    const video = testVideo({ width: 1280, height: 720, seconds: 42.25 });
    const created = await upload(video, 'video/mp4', { name: 'Rundgang.mp4' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'video',
      mime: 'video/mp4',
      width: 1280,
      height: 720,
      durationMs: 42_250,
      size: video.length,
      thumbUrl: null,
    });
    const back = await get(created.json().url);
    expect(back.headers['content-type']).toBe('video/mp4');
    expect(back.rawPayload).toEqual(video);
    const thumb = await get(`${created.json().url}/thumb`);
    expect(thumb.statusCode).toBe(409);
    expect(thumb.json().error.code).toBe('media_not_image');
  });

  it('keeps a phone video without the place it was filmed', async () => {
    const location = '+53.0793+008.8017/';
    const filmed = testVideo({ location, width: 1080, height: 1920, rotated: true });
    const created = await upload(filmed, 'video/mp4', { name: 'Garten.mp4' });
    expect(created.statusCode, created.body).toBe(201);
    const back = (await get(created.json().url)).rawPayload;
    expect(back.includes(location)).toBe(false);
    expect(back.length).toBe(filmed.length);
    expect(created.json()).toMatchObject({ width: 1920, height: 1080, size: filmed.length });
  });

  it('stores SRT as WebVTT', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nHallo zusammen\n';
    const created = await upload(Buffer.from(srt), 'application/x-subrip', { name: 'untertitel.srt' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'captions', mime: 'text/vtt', width: 0, height: 0 });
    expect((await get(created.json().url)).body).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHallo zusammen\n');
  });

  it('refuses bad videos and subtitles with a clear 4xx, storing neither row nor file', async () => {
    const before = await stock();
    const whole = testVideo();
    const refused = [
      [whole.subarray(0, whole.length - 500), 'video/mp4', 422, 'media_video_invalid'],
      [whole, 'video/quicktime', 422, 'media_type_mismatch'],
      [
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
        'video/mp4',
        422,
        'media_type_mismatch',
      ],
      [Buffer.from('WEBVTT\n\n00:09.000 --> 00:01.000\nrückwärts'), 'text/vtt', 422, 'media_captions_invalid'],
      [Buffer.alloc(1024 * 1024 + 1, 0x41), 'text/vtt', 413, 'media_too_large'],
      [whole, 'video/webm', 415, 'media_type_unsupported'],
    ] as const;
    for (const [bytes, type, status, code] of refused) {
      const response = await upload(bytes, type);
      expect(response.statusCode, `${type}: ${response.body}`).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect(await stock()).toEqual(before);
  });

  it('takes a video up to 100 MB, but not more', async () => {
    const over = await upload(testVideo({ mdatBytes: 100 * 1024 * 1024 }), 'video/mp4');
    expect(over.statusCode).toBe(413);
    expect(over.json().error.details).toEqual({ maxBytes: 100 * 1024 * 1024 });
  });
});

describe('the library', () => {
  it('lists newest first in pages, filters by kind, shows one item, keeps the alt text', async () => {
    const own = owner;
    const ownOrg = (
      await call(t.app, { method: 'POST', url: '/api/orgs', as: owner, body: { name: 'Bibliothek e. V.' } })
    ).json().id as string;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const tiny = await sharp({ create: { width: 10 + i, height: 10, channels: 3, background: '#abc' } })
        .jpeg()
        .toBuffer();
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${ownOrg}/media`,
        headers: { cookie: `nahbar_session=${own.cookie}`, 'x-csrf-token': own.csrf, 'content-type': 'image/jpeg' },
        payload: tiny,
      });
      ids.push(response.json().id);
      t.advance(1000);
    }
    const first = (await call(t.app, { url: `/api/orgs/${ownOrg}/media?limit=2`, as: own })).json();
    expect(first.items.map((m: { id: string }) => m.id)).toEqual([ids[4], ids[3]]);
    const second = (
      await call(t.app, { url: `/api/orgs/${ownOrg}/media?limit=2&cursor=${first.nextCursor}`, as: own })
    ).json();
    expect(second.items.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]]);
    const third = (
      await call(t.app, { url: `/api/orgs/${ownOrg}/media?limit=2&cursor=${second.nextCursor}`, as: own })
    ).json();
    expect(third).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    const videos = (await call(t.app, { url: `/api/orgs/${ownOrg}/media?kind=video`, as: own })).json();
    expect(videos.items).toEqual([]);

    const patched = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${ownOrg}/media/${ids[0]}`,
      as: own,
      body: { alt: 'Ein graublaues Quadrat' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const info = (await call(t.app, { url: `/api/orgs/${ownOrg}/media/${ids[0]}/info`, as: own })).json();
    expect(info).toMatchObject({ id: ids[0], alt: 'Ein graublaues Quadrat', width: 10 });
    // Another organisation's item is simply not there.
    for (const url of [`/api/orgs/${orgId}/media/${ids[0]}/info`, `/api/orgs/${orgId}/media/${ids[0]}/thumb`]) {
      expect((await get(url)).statusCode).toBe(404);
    }
    const foreignPatch = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}/media/${ids[0]}`,
      as: owner,
      body: { alt: 'x' },
    });
    expect(foreignPatch.statusCode).toBe(404);
  });

  it('deletes a file with its variants, but not while a post uses it; contributors only their own', async () => {
    const photo = (await upload(await gpsPhoto(300, 200), 'image/jpeg')).json();
    await get(photo.thumbUrl);
    const contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Contributor');
    const forbidden = await call(t.app, {
      method: 'DELETE',
      url: `/api/orgs/${orgId}/media/${photo.id}`,
      as: contributor,
    });
    expect(forbidden.statusCode).toBe(403);
    const own = (await upload(await gpsPhoto(50, 50), 'image/jpeg', { as: contributor })).json();
    const ownDeleted = await call(t.app, {
      method: 'DELETE',
      url: `/api/orgs/${orgId}/media/${own.id}`,
      as: contributor,
    });
    expect(ownDeleted.statusCode, ownDeleted.body).toBe(204);

    const post = await t.db.$client.query<{ id: string }>(
      `insert into posts (org_id, text, author_id) values ($1, 'Mit Bild', $2) returning id`,
      [orgId, owner.userId],
    );
    await t.db.$client.query(
      `insert into post_media (post_id, position, org_id, media_id, alt) values ($1, 0, $2, $3, 'Bild')`,
      [post.rows[0]!.id, orgId, photo.id],
    );
    const inUse = await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/media/${photo.id}`, as: owner });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('media_in_use');
    expect(inUse.json().error.message).toMatch(/Beitrag verwendet/);

    await t.db.$client.query('delete from posts where id = $1', [post.rows[0]!.id]);
    const before = await stock();
    const deleted = await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/media/${photo.id}`, as: owner });
    expect(deleted.statusCode).toBe(204);
    expect(await stock()).toEqual({ rows: before.rows - 1, files: before.files - 2 });
    expect((await get(photo.url)).statusCode).toBe(404);
  });

  it('still reads a file stored in its row before the store existed', async () => {
    const bytes = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#f00' } })
      .jpeg()
      .toBuffer();
    const legacy = await t.db.$client.query<{ id: string }>(
      `insert into media (org_id, mime, width, height, size, bytes) values ($1, 'image/jpeg', 20, 10, $2, $3) returning id`,
      [orgId, bytes.length, bytes],
    );
    const id = legacy.rows[0]!.id;
    expect((await get(`/api/orgs/${orgId}/media/${id}`)).rawPayload).toEqual(bytes);
    expect((await get(`/api/orgs/${orgId}/media/${id}/thumb`)).statusCode).toBe(200);
  });
});

describe('blur', () => {
  it('makes a new image with the rectangle unrecognisable and everything else unchanged', async () => {
    // A transparent corner keeps it PNG, so "unchanged" can be checked pixel for pixel.
    const width = 200;
    const height = 100;
    const raw = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i += 1) {
      const x = i % width;
      const y = Math.floor(i / width);
      const v = (x * 37 + y * 91) % 2 === 0 ? 255 : 0; // a fine checkerboard: detail a blur must remove
      raw.set([v, v, v, x < 2 && y < 2 ? 0 : 255], i * 4);
    }
    const png = await sharp(raw, { raw: { width, height, channels: 4 } })
      .png()
      .toBuffer();
    const original = (await upload(png, 'image/png', { name: 'Gruppe.png' })).json();
    expect(original.mime).toBe('image/png');

    const rect = { x: 0.5, y: 0.25, width: 0.25, height: 0.5 }; // x 100–150, y 25–75
    const response = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/media/${original.id}/blur`,
      as: owner,
      body: { rects: [rect] },
    });
    expect(response.statusCode, response.body).toBe(201);
    const blurred = response.json();
    expect(blurred).toMatchObject({ derivedFrom: original.id, originalName: 'Gruppe.png', width, height });
    expect(blurred.id).not.toBe(original.id);

    const pixels = async (url: string) =>
      (
        await sharp((await get(url)).rawPayload)
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true })
      ).data;
    const before = await pixels(original.url);
    const after = await pixels(blurred.url);
    let inside = 0;
    let changedInside = 0;
    let outsideDiff = 0;
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const at = (y * width + x) * 4;
        const diff = Math.abs(before[at]! - after[at]!);
        if (x >= 100 && x < 150 && y >= 25 && y < 75) {
          inside += 1;
          if (diff > 60) changedInside += 1;
        } else if (before[at + 3]! > 0) outsideDiff += diff; // invisible pixels have no colour to keep
      }
    }
    expect(outsideDiff).toBe(0);
    expect(changedInside / inside).toBeGreaterThan(0.8);
    // The original is untouched.
    expect(await pixels(original.url)).toEqual(before);

    const video = (await upload(testVideo(), 'video/mp4')).json();
    const notImage = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/media/${video.id}/blur`,
      as: owner,
      body: { rects: [rect] },
    });
    expect(notImage.statusCode).toBe(409);
    expect(notImage.json().error.code).toBe('media_not_image');
  });
});
