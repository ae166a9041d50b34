import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
});

function upload(bytes: Buffer, type: string | undefined, as: Browser = owner, org = orgId) {
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org}/media`,
    headers: {
      cookie: `nahbar_session=${as.cookie}`,
      'x-csrf-token': as.csrf,
      ...(type !== undefined && { 'content-type': type }),
    },
    payload: bytes,
  });
}

async function mediaCount(): Promise<number> {
  return (await t.db.$client.query<{ n: number }>('select count(*)::int as n from media')).rows[0]!.n;
}

/** Left half red, right half blue: after a rotation one can tell where "left" went. */
function halves(width: number, height: number): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i += 1) raw.set(i % width < width / 2 ? [220, 20, 20] : [20, 20, 220], i * 3);
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** Tag ids in the EXIF block's first IFD and in its GPS IFD, read from the TIFF structure. */
function exifTags(exif: Buffer): { ifd0: number[]; gps: number[] } {
  const tiff = exif.subarray(0, 4).toString('latin1') === 'Exif' ? exif.subarray(6) : exif;
  const little = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = (at: number) =>
    Array.from({ length: u16(at) }, (_, i) => ({ tag: u16(at + 2 + i * 12), value: u32(at + 2 + i * 12 + 8) }));
  const ifd0 = ifd(u32(4));
  const gpsPointer = ifd0.find((entry) => entry.tag === 0x8825);
  return { ifd0: ifd0.map((e) => e.tag), gps: gpsPointer ? ifd(gpsPointer.value).map((e) => e.tag) : [] };
}

/** The APPn segments of a JPEG (APP1 = EXIF/XMP, APP13 = IPTC), walked marker by marker. */
function jpegAppSegments(jpeg: Buffer): number[] {
  const found: number[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xda) break; // start of scan: no more headers
    if (marker >= 0xe0 && marker <= 0xef) found.push(marker - 0xe0);
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return found;
}

async function stored(response: LightMyRequestResponse): Promise<Buffer> {
  const get = await call(t.app, { url: response.json().url, as: owner });
  expect(get.statusCode).toBe(200);
  // An id's bytes never change: the browser keeps them, privately.
  expect(get.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  return get.rawPayload;
}

describe('media upload', () => {
  it('stores a photo without any EXIF, GPS, XMP or IPTC', async () => {
    const photo = await halves(640, 480)
      .jpeg()
      .withExif({
        IFD0: { Make: 'Kamera GmbH', Model: 'Nahaufnahme 3000' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '52/1 31/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '13/1 24/1 0/1',
        },
      })
      .toBuffer();
    const input = await sharp(photo).metadata();
    expect(exifTags(input.exif!).gps).toEqual(expect.arrayContaining([1, 2, 3, 4])); // GPS lat/long really there
    expect(jpegAppSegments(photo)).toContain(1);

    const response = await upload(photo, 'image/jpeg');
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      mime: 'image/jpeg',
      width: 640,
      height: 480,
      url: `/api/orgs/${orgId}/media/${body.id}`,
    });

    const bytes = await stored(response);
    expect(body.size).toBe(bytes.length);
    const output = await sharp(bytes).metadata();
    expect(output.exif).toBeUndefined();
    expect(output.xmp).toBeUndefined();
    expect(output.iptc).toBeUndefined();
    expect(output.orientation).toBeUndefined();
    expect(jpegAppSegments(bytes).filter((n) => n === 1 || n === 13)).toEqual([]);
    expect(bytes.includes('Kamera GmbH')).toBe(false);
    const row = await t.db.$client.query('select created_by, mime, width, height, size from media where id = $1', [
      body.id,
    ]);
    expect(row.rows[0]).toEqual({
      created_by: owner.userId,
      mime: 'image/jpeg',
      width: 640,
      height: 480,
      size: bytes.length,
    });
  });

  it('applies the EXIF orientation to the pixels', async () => {
    const sideways = await halves(64, 32).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const response = await upload(sideways, 'image/jpeg');
    expect(response.json()).toMatchObject({ width: 32, height: 64 });
    const { data } = await sharp(await stored(response))
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Turned 90° clockwise: the red left half is now on top.
    expect(data[0]! > 150 && data[2]! < 100).toBe(true);
  });

  it('scales large images down to 3840 px on the long edge', async () => {
    const wide = await halves(5000, 1000).png().toBuffer();
    const response = await upload(wide, 'image/png');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ mime: 'image/jpeg', width: 3840, height: 768 });
  });

  it('keeps PNG for transparent images and accepts WebP and GIF', async () => {
    const clear = { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } as const;
    const png = await upload(await sharp({ create: clear }).png().toBuffer(), 'image/png');
    expect(png.json()).toMatchObject({ mime: 'image/png', width: 40, height: 20 });
    expect((await sharp(await stored(png)).stats()).isOpaque).toBe(false);
    const gif = await upload(await sharp({ create: clear }).gif().toBuffer(), 'image/gif');
    expect(gif.json()).toMatchObject({ mime: 'image/png' });
    const webp = await upload(await halves(30, 30).webp().toBuffer(), 'image/webp; charset=binary');
    expect(webp.json()).toMatchObject({ mime: 'image/jpeg', width: 30, height: 30 });
  });
});

/** An 8×8 PNG whose header claims 20 000 × 20 000 pixels (CRC fixed, so it looks valid). */
async function pixelBomb(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(20_000, 16);
  png.writeUInt32BE(20_000, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('media upload refuses bad input clearly and stores nothing', () => {
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" height="9"/></svg>',
  );

  async function expectRefused(bytes: Buffer, type: string | undefined, status: number, code: string) {
    const before = await mediaCount();
    const response = await upload(bytes, type);
    expect(response.statusCode, response.body).toBe(status);
    const { error } = response.json();
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[a-zäöü]{4}/i);
    expect(await mediaCount()).toBe(before);
    return error as { code: string; message: string; details?: Record<string, unknown> };
  }

  it('an empty file', async () => {
    const error = await expectRefused(Buffer.alloc(0), 'image/jpeg', 400, 'media_empty');
    expect(error.message).toBe('Die Datei ist leer.');
  });

  it('something that is not an image, or not one of the four formats', async () => {
    await expectRefused(Buffer.from('Hallo, kein Bild'), 'image/png', 422, 'media_type_mismatch');
    const asSvg = await expectRefused(svg, 'image/svg+xml', 415, 'media_type_unsupported');
    expect(asSvg.details).toEqual({
      received: 'image/svg+xml',
      accepted: [
        'image/jpeg',
        'image/png',
        'image/webp',
        'image/gif',
        'video/mp4',
        'video/quicktime',
        'text/vtt',
        'application/x-subrip',
        'text/srt',
      ],
    });
    await expectRefused(svg, 'image/png', 422, 'media_type_mismatch');
    await expectRefused(Buffer.from('{"bild":1}'), 'application/json', 415, 'media_type_unsupported');
    await expectRefused(await halves(8, 8).jpeg().toBuffer(), undefined, 415, 'media_type_unsupported');
    const tiff = await halves(8, 8).tiff().toBuffer();
    await expectRefused(tiff, 'image/tiff', 415, 'media_type_unsupported');
  });

  it('a PNG declared as JPEG, in the person’s language', async () => {
    const png = await halves(8, 8).png().toBuffer();
    const error = await expectRefused(png, 'image/jpeg', 422, 'media_type_mismatch');
    expect(error.details).toEqual({ declared: 'image/jpeg', detected: 'image/png' });
    expect(error.message).toMatch(/passt nicht/);
    await t.db.$client.query(`update users set language = 'en' where id = $1`, [owner.userId]);
    try {
      const english = await expectRefused(png, 'image/jpeg', 422, 'media_type_mismatch');
      expect(english.message).toMatch(/does not match/);
    } finally {
      await t.db.$client.query(`update users set language = 'de' where id = $1`, [owner.userId]);
    }
  });

  it('a truncated JPEG and a truncated PNG', async () => {
    const noise = Buffer.from(Array.from({ length: 300 * 200 * 3 }, (_, i) => (i * 7919) % 251));
    const raw = { raw: { width: 300, height: 200, channels: 3 } } as const;
    const jpeg = await sharp(noise, raw).jpeg().toBuffer();
    const png = await sharp(noise, raw).png().toBuffer();
    const cut = (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.7));
    expect((await sharp(cut(jpeg)).metadata()).width).toBe(300); // the header survived the cut
    const error = await expectRefused(cut(jpeg), 'image/jpeg', 422, 'media_unreadable');
    expect(String(error.details?.reason)).toMatch(/premature end/i);
    await expectRefused(cut(png), 'image/png', 422, 'media_unreadable');
  });

  it('a decompression bomb over 50 megapixels', async () => {
    const error = await expectRefused(await pixelBomb(), 'image/png', 422, 'media_too_many_pixels');
    expect(error.details).toEqual({ width: 20_000, height: 20_000, maxPixels: 50_000_000 });
  });

  it('a file over 15 MB', async () => {
    const big = Buffer.alloc(15 * 1024 * 1024 + 1, 0xab);
    big.set([0xff, 0xd8, 0xff]);
    const error = await expectRefused(big, 'image/jpeg', 413, 'media_too_large');
    expect(error.details).toEqual({ maxBytes: 15 * 1024 * 1024 });
  });

  it('a viewer, who may look at images but not upload them', async () => {
    const viewer = await addMember(t, owner, orgId, ['viewer'], 'Vera Viewer');
    const before = await mediaCount();
    const refused = await upload(await halves(8, 8).jpeg().toBuffer(), 'image/jpeg', viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect(await mediaCount()).toBe(before);
    const allowed = await upload(await halves(8, 8).jpeg().toBuffer(), 'image/jpeg');
    const seen = await call(t.app, { url: allowed.json().url, as: viewer });
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/jpeg');
  });
});

describe('media belongs to its organisation', () => {
  it('a member of another organisation can neither read nor upload', async () => {
    const photo = await upload(await halves(16, 16).jpeg().toBuffer(), 'image/jpeg');
    const mediaId = photo.json().id as string;
    // B's owner had an account in A only long enough to create B, then left A.
    const bOwner = await addMember(t, owner, orgId, ['viewer'], 'Berta B');
    const orgB = (
      await call(t.app, { method: 'POST', url: '/api/orgs', as: bOwner, body: { name: 'Träger B' } })
    ).json().id as string;
    await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/members/${bOwner.userId}`, as: bOwner });

    const direct = await call(t.app, { url: `/api/orgs/${orgId}/media/${mediaId}`, as: bOwner });
    expect(direct.statusCode).toBe(404);
    const viaOwnOrg = await call(t.app, { url: `/api/orgs/${orgB}/media/${mediaId}`, as: bOwner });
    expect(viaOwnOrg.statusCode).toBe(404);
    expect(viaOwnOrg.rawPayload.includes(Buffer.from([0xff, 0xd8]))).toBe(false);
    const before = await mediaCount();
    const foreignUpload = await upload(await halves(8, 8).jpeg().toBuffer(), 'image/jpeg', bOwner, orgId);
    expect(foreignUpload.statusCode).toBe(404);
    expect(await mediaCount()).toBe(before);
    // And B's own upload stays B's: A's owner cannot read it.
    const own = await upload(await halves(8, 8).jpeg().toBuffer(), 'image/jpeg', bOwner, orgB);
    expect(own.statusCode).toBe(201);
    expect((await call(t.app, { url: own.json().url, as: owner })).statusCode).toBe(404);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/media/${own.json().id}`, as: owner })).statusCode).toBe(404);
  });
});
