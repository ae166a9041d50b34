import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addChannel } from './test-fixtures.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let channelId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  channelId = await addChannel(t, orgId, 'bluesky', 'Bluesky Nord');
});

const base = () => `/api/orgs/${orgId}/templates`;
const create = (body: Record<string, unknown>, as: Browser = owner) =>
  call(t.app, { method: 'POST', url: base(), as, body });

describe('templates', () => {
  it('creates, lists by name, edits and deletes', async () => {
    const res = await create({
      name: 'Veranstaltung',
      text: 'Wann: …\nWo: …',
      tags: ['Termine'],
      channelIds: [channelId],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Veranstaltung', tags: ['Termine'], channelIds: [channelId] });
    await create({ name: 'Stellenanzeige', text: 'Wir suchen …' });
    const list = await call(t.app, { url: base(), as: owner });
    expect(list.json().map((x: { name: string }) => x.name)).toEqual(['Stellenanzeige', 'Veranstaltung']);
    const id = res.json().id;
    const edited = await call(t.app, { method: 'PATCH', url: `${base()}/${id}`, as: owner, body: { text: 'Neu' } });
    expect(edited.json()).toMatchObject({ name: 'Veranstaltung', text: 'Neu' });
    expect((await call(t.app, { method: 'DELETE', url: `${base()}/${id}`, as: owner })).statusCode).toBe(204);
    expect((await call(t.app, { method: 'DELETE', url: `${base()}/${id}`, as: owner })).statusCode).toBe(404);
  });

  it('keeps names unique ignoring case', async () => {
    await create({ name: 'Rückblick', text: 'x' });
    const clash = await create({ name: 'RÜCKBLICK', text: 'y' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('template_name_taken');
    const other = await create({ name: 'Ausblick', text: 'z' });
    const rename = await call(t.app, {
      method: 'PATCH',
      url: `${base()}/${other.json().id}`,
      as: owner,
      body: { name: 'rückblick' },
    });
    expect(rename.statusCode).toBe(409);
  });

  it('refuses bad input with details and foreign channels with 404', async () => {
    const bad = await create({ name: ' ', text: 'x', tags: ['x'.repeat(41)] });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['name', 'tags.0']);
    const other = await call(t.app, { method: 'POST', url: '/api/orgs', as: owner, body: { name: 'Träger B' } });
    const foreign = await addChannel(t, other.json().id, 'feed', 'Fremd');
    expect((await create({ name: 'Fremd', text: 'x', channelIds: [foreign] })).statusCode).toBe(404);
  });

  it('lets everyone read, only the editorial team write', async () => {
    const contributor = await addMember(t, owner, orgId, ['contributor']);
    const viewer = await addMember(t, owner, orgId, ['viewer']);
    expect((await call(t.app, { url: base(), as: viewer })).statusCode).toBe(200);
    expect((await create({ name: 'Von Carla', text: 'x' }, contributor)).statusCode).toBe(403);
    const editor = await addMember(t, owner, orgId, ['editor']);
    expect((await create({ name: 'Von Emil', text: 'x' }, editor)).statusCode).toBe(201);
  });
});
