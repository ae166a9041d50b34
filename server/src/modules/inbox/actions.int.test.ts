import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';

// Thread, evidence and moderation on a channel whose network has no comments API (the feed):
// evidence is still kept, hiding is refused with a pointer to the moderation links.
let t: TestApp;
let owner: Browser;
let editor: Browser;
let privacy: Browser;
let orgId: string;
let channelId: string;

const base = () => `/api/orgs/${orgId}/inbox`;

async function insertItem(values: { remoteId: string; text: string; root?: string; handle?: string; kind?: string }) {
  const rows = await t.db.$client.query<{ id: string }>(
    `insert into inbox_items (org_id, channel_id, remote_id, kind, text, author_id, author_handle, author_name, url,
       received_at, root_remote_id, parent_remote_id, raw)
     values ($1, $2, $3, $4, $5, $6, $7, 'Kim Kommentar', $8, $9, $10, $10, $11) returning id`,
    [
      orgId,
      channelId,
      values.remoteId,
      values.kind ?? 'reply',
      values.text,
      `id-${values.handle ?? 'kim'}`,
      values.handle ?? 'kim.example',
      `https://social.example/${values.remoteId}`,
      new Date('2025-02-03T10:00:00Z'),
      values.root ?? null,
      JSON.stringify({ id: values.remoteId, content: values.text }),
    ],
  );
  return rows.rows[0]!.id;
}

const audit = async (action: string) =>
  (
    await t.db.$client.query<{ target_id: string; details: Record<string, unknown> }>(
      'select target_id, details from audit_log where org_id = $1 and action = $2 order by id',
      [orgId, action],
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Erika Editor');
  privacy = await addMember(t, owner, orgId, ['privacy_officer'], 'Dana Datenschutz');
  const channel = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels`,
    as: owner,
    body: { network: 'feed', title: 'Neuigkeiten', siteUrl: 'https://jugendhilfe.example' },
  });
  expect(channel.statusCode, channel.body).toBe(201);
  channelId = channel.json().id;
});

describe('inbox thread', () => {
  it('shows the item with the rest of its conversation, oldest first, and no replies yet', async () => {
    const first = await insertItem({ remoteId: 'root-1', text: 'Wann ist offen?', root: 'our-post' });
    const second = await insertItem({ remoteId: 'r-2', text: 'Gute Frage!', root: 'our-post', handle: 'b.example' });
    await insertItem({ remoteId: 'elsewhere', text: 'Anderer Faden', root: 'other-post' });
    const res = await call(t.app, { url: `${base()}/${first}/thread`, as: privacy });
    expect(res.statusCode, res.body).toBe(200);
    const thread = res.json();
    expect(thread.item).toMatchObject({
      id: first,
      text: 'Wann ist offen?',
      channelName: 'Neuigkeiten',
      evidenceCount: 0,
    });
    expect(thread.conversation.map((i: { id: string }) => i.id)).toEqual([second]);
    expect(thread.replies).toEqual([]);
    expect(thread.moderation).toEqual({ canHide: false, links: { mute: null, block: null, report: null } });
    expect(thread.evidence).toEqual([]);
  });

  it('is 404 for an unknown item and 403 for someone without inbox access', async () => {
    const viewer = await addMember(t, owner, orgId, ['viewer'], 'Vera Viewer');
    const id = await insertItem({ remoteId: 'v-1', text: 'Hallo' });
    expect((await call(t.app, { url: `${base()}/${id}/thread`, as: viewer })).statusCode).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call(t.app, { url: `${base()}/${unknown}/thread`, as: owner })).statusCode).toBe(404);
  });
});

describe('evidence and moderation', () => {
  const hostile = 'Ihr Versager <script>alert(1)</script>';

  it('captures evidence without hiding: stored, audited, listed in the thread, downloadable', async () => {
    const id = await insertItem({ remoteId: 'hate-1', text: hostile, handle: 'troll.example' });
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${id}/moderate`,
      as: editor,
      body: { action: 'capture', reason: 'Beleidigung, für eine Anzeige' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const thread = res.json();
    expect(thread.item.evidenceCount).toBe(1);
    expect(thread.item.hiddenAt).toBeNull();
    expect(thread.evidence).toEqual([
      {
        id: expect.any(String),
        action: 'capture',
        capturedAt: expect.any(String),
        capturedBy: 'Erika Editor',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const [entry] = await audit('inbox.evidence_captured');
    expect(entry).toMatchObject({
      target_id: id,
      details: { action: 'capture', reason: 'Beleidigung, für eine Anzeige' },
    });

    const evidence = thread.evidence[0];
    const download = await call(t.app, { url: `${base()}/${id}/evidence/${evidence.id}`, as: editor });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="beweissicherung-\d{4}-\d{2}-\d{2}-troll\.example\.html"$/,
    );
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(download.body).not.toContain('<script>');
    expect(download.body).toContain('Ihr Versager &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(download.body).toContain('https://social.example/hate-1');
    expect(download.body).toContain('2025-02-03T10:00:00.000Z UTC');
    expect(download.body).toContain('Erika Editor');
    // The stored hash is the hash of exactly what one downloads.
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(evidence.sha256);
  });

  it('refuses hiding where the network cannot, naming the moderation links, and keeps the evidence', async () => {
    const id = await insertItem({ remoteId: 'hate-2', text: 'Verschwindet!', root: 'our-post' });
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${id}/moderate`,
      as: editor,
      headers: { 'accept-language': 'de' },
      body: { action: 'hide', reason: 'Bedrohung' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('inbox_hide_unsupported');
    expect(res.json().error.message).toMatch(/Stummschalten, Blockieren oder Melden/);
    const kept = res.json().error.details.evidenceId;
    const thread = (await call(t.app, { url: `${base()}/${id}/thread`, as: editor })).json();
    expect(thread.evidence.map((e: { id: string }) => e.id)).toEqual([kept]);
    expect(thread.item.hiddenAt).toBeNull();
    expect(await audit('inbox.hidden')).toEqual([]);
  });

  it('lets only people who answer moderate and download; other organisations see nothing', async () => {
    const id = await insertItem({ remoteId: 'hate-3', text: 'Böse' });
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${id}/moderate`,
      as: privacy,
      body: { action: 'capture', reason: 'Beleidigung' },
    });
    expect(res.statusCode).toBe(403);
    const short = await call(t.app, {
      method: 'POST',
      url: `${base()}/${id}/moderate`,
      as: editor,
      body: { action: 'hide', reason: 'x' },
    });
    expect(short.statusCode).toBe(400);
    const count = await t.db.$client.query('select count(*)::int as n from inbox_evidence where item_id = $1', [id]);
    expect(count.rows[0].n).toBe(0);
    const wrongItem = await insertItem({ remoteId: 'hate-4', text: 'x' });
    const [captured] = (
      await call(t.app, {
        method: 'POST',
        url: `${base()}/${wrongItem}/moderate`,
        as: editor,
        body: { action: 'capture', reason: 'Test' },
      })
    ).json().evidence;
    // Evidence is reachable only under its own item.
    expect((await call(t.app, { url: `${base()}/${id}/evidence/${captured.id}`, as: editor })).statusCode).toBe(404);
    expect((await call(t.app, { url: `${base()}/${wrongItem}/evidence/${captured.id}`, as: privacy })).statusCode).toBe(
      403,
    );
  });
});

describe('replying', () => {
  it('refuses answering on a network without replies and stores nothing', async () => {
    const id = await insertItem({ remoteId: 'q-1', text: 'Frage?' });
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${id}/replies`,
      as: editor,
      body: { text: 'Antwort' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('inbox_not_supported');
    const rows = await t.db.$client.query('select count(*)::int as n from inbox_replies where item_id = $1', [id]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('refuses an empty answer as a field error', async () => {
    const id = await insertItem({ remoteId: 'q-2', text: 'Frage?' });
    const res = await call(t.app, {
      method: 'POST',
      url: `${base()}/${id}/replies`,
      as: owner,
      body: { text: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('text');
  });
});
