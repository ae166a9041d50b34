import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FaceProposals } from '@nahbar/common';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
// Every URL anything in this process fetches: the detector must load its model from disk.
const fetchSpy = vi.spyOn(globalThis, 'fetch');
afterAll(() => fetchSpy.mockRestore());

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
});

async function upload(bytes: Buffer, type: string, as = owner, org = orgId): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org}/media`,
    headers: { cookie: `nahbar_session=${as.cookie}`, 'x-csrf-token': as.csrf, 'content-type': type },
    payload: bytes,
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}

const faces = (mediaId: string, as = owner, org = orgId) =>
  call(t.app, { method: 'POST', url: `/api/orgs/${org}/media/${mediaId}/faces`, as });

/** A smooth colour gradient: photo-sized, with nothing in it that looks like a face. */
async function gradient(width = 800, height = 600): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      pixels[i] = Math.round((255 * x) / width);
      pixels[i + 1] = Math.round((255 * y) / height);
      pixels[i + 2] = 160;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
}

describe('face proposals', () => {
  it('proposes a box over the face in a portrait, found without the network', async () => {
    const photo = readFileSync(path.join(import.meta.dirname, 'fixtures', 'astronaut.jpg'));
    const mediaId = await upload(photo, 'image/jpeg');
    const started = performance.now();
    const response = await faces(mediaId);
    const coldMs = performance.now() - started;
    expect(response.statusCode).toBe(200);
    const body = response.json() as FaceProposals;
    expect(body.engine).toMatch(/blazeface/);
    // The best-scored box is the face; a weaker one may follow (a proposal errs towards too many).
    const [face] = body.faces;
    // The face's centre, measured on the picture: between the eyes and the mouth.
    const centre = { x: 0.44, y: 0.22 };
    expect(face!.x).toBeLessThan(centre.x);
    expect(face!.x + face!.width).toBeGreaterThan(centre.x);
    expect(face!.y).toBeLessThan(centre.y);
    expect(face!.y + face!.height).toBeGreaterThan(centre.y);
    // A face, not the whole portrait: between a tenth and a half of the width.
    expect(face!.width).toBeGreaterThan(0.1);
    expect(face!.width).toBeLessThan(0.5);
    expect(face!.score).toBeGreaterThan(0.5);
    const remote = fetchSpy.mock.calls.map(([url]) => String(url)).filter((url) => /^https?:/.test(url));
    expect(remote).toEqual([]);

    // The model stays loaded: the second look is quicker than the first (which loaded it).
    const again = performance.now();
    const second = await faces(mediaId);
    expect(second.json()).toEqual(body);
    console.info(`faces: first call ${Math.round(coldMs)} ms, second ${Math.round(performance.now() - again)} ms`);
  });

  it('answers an empty proposal for an image without faces, still naming the engine', async () => {
    const mediaId = await upload(await gradient(), 'image/jpeg');
    const response = await faces(mediaId);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ faces: [], engine: expect.stringMatching(/blazeface/) });
  });

  it('refuses subtitles with a clear message', async () => {
    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n');
    const mediaId = await upload(vtt, 'text/vtt');
    const response = await faces(mediaId);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('faces_need_image');
    expect(response.json().error.message).toMatch(/nur in Bildern|only propose faces in images/);
  });
});

describe('who may ask', () => {
  it('lets a contributor ask, refuses a viewer, and hides other organisations’ media', async () => {
    const mediaId = await upload(await gradient(320, 240), 'image/jpeg');
    const contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Contributor');
    expect((await faces(mediaId, contributor)).statusCode).toBe(200);
    const viewer = await addMember(t, owner, orgId, ['viewer'], 'Vera Viewer');
    const refused = await faces(mediaId, viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');

    // The viewer founds an organisation of their own and leaves ours: our image exists for them
    // neither under their organisation's address nor under ours.
    const created = await call(t.app, { method: 'POST', url: '/api/orgs', as: viewer, body: { name: 'Träger B' } });
    const otherOrg = created.json().id as string;
    await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/members/${viewer.userId}`, as: viewer });
    expect((await faces(mediaId, viewer, otherOrg)).statusCode).toBe(404);
    const foreign = await faces(mediaId, viewer);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
  });
});
