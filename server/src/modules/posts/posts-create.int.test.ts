import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addChannel, addMedia, addSlot, count } from './test-fixtures.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let bluesky: string;
let mastodon: string;
let feed: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  bluesky = await addChannel(t, orgId, 'bluesky', 'Bluesky Nord');
  mastodon = await addChannel(t, orgId, 'mastodon', 'Mastodon Nord');
  feed = await addChannel(t, orgId, 'feed', 'Website');
});

const create = (body: Record<string, unknown>, as: Browser = owner) =>
  call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as,
    body: { text: 'Sommerfest am Samstag', targets: [{ channelId: bluesky }], when: { mode: 'draft' }, ...body },
  });

/** Every table a create writes to: a refused create leaves all of them as they were. */
const rowCounts = async () =>
  Promise.all(['posts', 'post_targets', 'post_media', 'post_versions', 'audit_log'].map((table) => count(t, table)));

describe('POST /posts', () => {
  it('saves a draft with tags, planned day and version 1', async () => {
    const plannedAt = '2030-06-01T08:00:00.000Z';
    const res = await create({ tags: ['Sommerfest', 'sommerfest ', 'Familien'], plannedAt });
    expect(res.statusCode, res.body).toBe(201);
    const post = res.json();
    expect(post).toMatchObject({ tags: ['Sommerfest', 'Familien'], plannedAt, version: 1, authorName: 'Olga Owner' });
    expect(post.targets[0]).toMatchObject({ state: 'draft', dueAt: null, channelName: 'Bluesky Nord' });
    const versions = await call(t.app, { url: `/api/orgs/${orgId}/posts/${post.id}/versions`, as: owner });
    expect(versions.json()).toHaveLength(1);
    expect(versions.json()[0]).toMatchObject({ version: 1, authorName: 'Olga Owner' });
    expect(versions.json()[0].snapshot).toMatchObject({
      text: 'Sommerfest am Samstag',
      tags: ['Sommerfest', 'Familien'],
    });
  });

  it('keeps a draft image without alt text, but refuses to schedule it (German and English) and writes nothing', async () => {
    const mediaId = await addMedia(t, orgId);
    expect((await create({ media: [{ mediaId, alt: '' }] })).statusCode).toBe(201);
    // The person's own language decides, as everywhere in the API.
    const editor = await addMember(t, owner, orgId, ['editor'], 'Erin English');
    await t.db.$client.query("update users set language = 'en' where id = $1", [editor.userId]);
    const before = await rowCounts();
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const de = await create({ media: [{ mediaId, alt: '' }], when: { mode: 'at', at } });
    expect(de.statusCode).toBe(422);
    expect(de.json().error).toMatchObject({ code: 'post_invalid' });
    expect(de.json().error.details).toEqual([
      {
        field: 'media.0.alt',
        code: 'alt_missing',
        message: 'Bild 1 braucht einen Alternativtext, bevor es geplant werden kann.',
      },
    ]);
    const en = await create({ media: [{ mediaId, alt: '' }], when: { mode: 'at', at } }, editor);
    expect(en.json().error.details[0].message).toBe('Image 1 needs alt text before it can be scheduled.');
    expect(await rowCounts()).toEqual(before);
  });

  it('remembers the alt text on the image, so the library and the next post offer it', async () => {
    const mediaId = await addMedia(t, orgId);
    const info = async () =>
      (await call(t.app, { url: `/api/orgs/${orgId}/media/${mediaId}/info`, as: owner })).json().alt;
    expect(await info()).toBeNull();
    const res = await create({ media: [{ mediaId, alt: 'Kinder pflanzen Sonnenblumen im Hof' }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(await info()).toBe('Kinder pflanzen Sonnenblumen im Hof');
    // An empty description in a draft does not wipe the remembered one.
    await create({ media: [{ mediaId, alt: '' }] });
    expect(await info()).toBe('Kinder pflanzen Sonnenblumen im Hof');
  });

  it('schedules every channel at the time, checked per network', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const long = 'x'.repeat(5001);
    const refused = await create({
      text: long,
      targets: [{ channelId: bluesky }, { channelId: feed }],
      when: { mode: 'at', at },
    });
    expect(refused.statusCode).toBe(422);
    // Bluesky makes a thread of it; the website feed has no threads and cannot take it.
    expect(refused.json().error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual([
      'targets.1.text too_long',
    ]);
    const ok = await create({
      text: long,
      targets: [{ channelId: bluesky }, { channelId: feed, text: 'Kurz für die Website' }],
      when: { mode: 'at', at },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().targets.map((x: { state: string; dueAt: string }) => [x.state, x.dueAt])).toEqual([
      ['scheduled', at],
      ['scheduled', at],
    ]);
  });

  it('puts each channel on its own next free posting slot in the queue', async () => {
    // Every weekday 09:00 and 17:00 Berlin: within a day either way there is a free slot.
    for (let day = 1; day <= 7; day += 1) {
      await addSlot(t, orgId, bluesky, day, '09:00');
      await addSlot(t, orgId, feed, day, '17:00');
    }
    const first = await create({ targets: [{ channelId: bluesky }, { channelId: feed }], when: { mode: 'queue' } });
    expect(first.statusCode, first.body).toBe(201);
    const [b1, f1] = first.json().targets as { dueAt: string; state: string }[];
    const berlin = (iso: string) =>
      new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(
        new Date(iso),
      );
    expect([b1?.state, berlin(b1!.dueAt), berlin(f1!.dueAt)]).toEqual(['scheduled', '09:00', '17:00']);
    const second = await create({ targets: [{ channelId: bluesky }], when: { mode: 'queue' } });
    // The first post holds that slot now: the next one goes a day later.
    expect(Date.parse(second.json().targets[0].dueAt) - Date.parse(b1!.dueAt)).toBe(86_400_000);

    // Four people press "In die Warteschlange" at the same moment: four different slots.
    const together = await Promise.all(
      Array.from({ length: 4 }, () => create({ targets: [{ channelId: bluesky }], when: { mode: 'queue' } })),
    );
    const dues = together.map((r) => r.json().targets[0].dueAt as string);
    expect(new Set(dues).size).toBe(4);
  });

  it('refuses the queue for a channel without slots, naming it, and writes nothing', async () => {
    const before = await rowCounts();
    const res = await create({ targets: [{ channelId: bluesky }, { channelId: mastodon }], when: { mode: 'queue' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('no_posting_slots');
    expect(res.json().error.details).toEqual([
      expect.objectContaining({
        field: 'targets.1.channelId',
        code: 'no_posting_slots',
        message: expect.stringContaining('„Mastodon Nord“'),
      }),
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('checks video against each network: the feed takes none', async () => {
    const video = await addMedia(t, orgId, 'video', { size: 5_000_000, durationMs: 20_000 });
    const captions = await addMedia(t, orgId, 'captions');
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const media = [{ mediaId: video, alt: 'Rundgang durch die Kita', captionMediaId: captions }];
    const res = await create({
      media,
      targets: [{ channelId: bluesky }, { channelId: feed }],
      when: { mode: 'at', at },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'targets.1.media', code: 'video_not_supported' }),
    ]);
    const ok = await create({ media, targets: [{ channelId: bluesky }], when: { mode: 'at', at } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().media[0]).toMatchObject({ kind: 'video', captionMediaId: captions, thumbUrl: null });
    const wrong = await create({ media: [{ mediaId: captions, alt: 'x' }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'media.0.mediaId', code: 'not_attachable' });
  });

  it('refuses bad input with field details, foreign ids with 404', async () => {
    const bad = await create({ tags: ['x'.repeat(41)], plannedAt: 'morgen' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['plannedAt', 'tags.0']);
    const twice = await create({ targets: [{ channelId: bluesky }, { channelId: bluesky }] });
    expect(twice.json().error.details[0]).toMatchObject({ field: 'targets', code: 'duplicate' });
    const other = await call(t.app, { method: 'POST', url: '/api/orgs', as: owner, body: { name: 'Träger B' } });
    const otherOrg = other.json().id as string;
    const foreignChannel = await addChannel(t, otherOrg, 'feed', 'Fremd');
    const foreignMedia = await addMedia(t, otherOrg);
    const foreignTemplate = (
      await call(t.app, {
        method: 'POST',
        url: `/api/orgs/${otherOrg}/templates`,
        as: owner,
        body: { name: 'Fremd', text: 'x' },
      })
    ).json().id;
    const before = await rowCounts();
    for (const body of [
      { targets: [{ channelId: foreignChannel }] },
      { media: [{ mediaId: foreignMedia, alt: 'x' }] },
      { templateId: foreignTemplate },
    ]) {
      expect((await create(body)).statusCode, JSON.stringify(body)).toBe(404);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('lets a contributor save drafts only and a viewer nothing', async () => {
    const contributor = await addMember(t, owner, orgId, ['contributor']);
    expect((await create({}, contributor)).statusCode).toBe(201);
    expect((await create({ when: { mode: 'queue' } }, contributor)).statusCode).toBe(403);
    const viewer = await addMember(t, owner, orgId, ['viewer']);
    expect((await create({}, viewer)).statusCode).toBe(403);
  });

  it('records the template a post started from', async () => {
    const template = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/templates`,
      as: owner,
      body: { name: 'Veranstaltung', text: 'Wann: …' },
    });
    const res = await create({ templateId: template.json().id });
    expect(res.statusCode).toBe(201);
    const audit = await t.db.$client.query(`select details from audit_log where target_id = $1`, [res.json().id]);
    expect(audit.rows[0].details.templateId).toBe(template.json().id);
  });
});
