import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, channels } from '../../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';

// Channel management through the API, with the production setting that channels must live at
// public addresses (the other channel tests allow loopback for their local peers).
let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ config: { allowPrivateNetworks: false } });
  ({ owner, orgId } = await setUp(t.app));
});

const connect = (body: unknown, as: Browser = owner) =>
  call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/channels`, as, body });

describe('channels', () => {
  it.each([
    'http://127.0.0.1:2583',
    'http://localhost:2583',
    'http://169.254.169.254',
    'http://[::1]:2583',
    'http://10.0.0.7',
  ])('refuses a Bluesky PDS in an internal network (%s) with a clear 422', async (service) => {
    const res = await connect({
      network: 'bluesky',
      handle: 'kita.example.org',
      appPassword: 'abcd-efgh-ijkl-mnop',
      service,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'channel_address_private',
      message: expect.stringMatching(/internen Netz/),
    });
  });

  it('refuses a Mastodon instance in an internal network before registering an app there', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/channels/mastodon/start`,
      as: owner,
      body: { instanceUrl: 'http://localhost:3000' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('channel_address_private');
  });

  it('connects one feed per website, names the field on bad input, and lets only admins manage', async () => {
    const body = { network: 'feed', title: 'Aus der Kita', siteUrl: 'https://kita-sonnenschein.example/' };
    const first = await connect(body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      network: 'feed',
      status: 'connected',
      freshness: 'never',
      targetIntervalDays: 14,
    });
    expect(first.json().feed.rss).toBe(`http://nahbar.test/feeds/${first.json().id}/rss.xml`);
    expect((await connect(body)).json().error.code).toBe('feed_site_taken');

    const bad = await connect({ network: 'feed', title: '', siteUrl: 'ftp://x' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['siteUrl', 'title']);

    const editor = await addMember(t, owner, orgId, ['editor']);
    expect((await connect({ ...body, siteUrl: 'https://andere.example' }, editor)).statusCode).toBe(403);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/channels`, as: editor })).statusCode).toBe(200);

    const id = first.json().id;
    const patched = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${orgId}/channels/${id}`,
      as: owner,
      body: { targetIntervalDays: 7 },
    });
    expect(patched.json().targetIntervalDays).toBe(7);
    const gone = await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/channels/${id}`, as: owner });
    expect(gone.statusCode).toBe(204);
    const [row] = await t.db.select().from(channels).where(eq(channels.id, id));
    expect(row).toMatchObject({ status: 'disconnected', credentials: null });
    // Disconnected, the website is free for a new feed channel.
    expect((await connect(body)).statusCode).toBe(201);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);
    expect(actions).toEqual(['channel.connected', 'channel.updated', 'channel.disconnected']);
  });
});
