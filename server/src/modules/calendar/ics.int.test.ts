import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarFeeds, channels, memberships } from '../../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { createFeedChannel } from '../feeds/test-factories.ts';
import { insertPost } from './test-factories.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
const DAY = 86_400_000;

/** RFC 5545 content lines: unfold continuation lines, then split each event into its properties. */
function parseIcs(text: string) {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      current[name] = line
        .slice(colon + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\([,;\\])/g, '$1');
    }
  }
  return { lines, events };
}
const icsDate = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

async function subscribe(as: Browser, label = 'Mein Kalender') {
  const res = await call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/calendar/feeds`, as, body: { label } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; url: string; label: string };
}
const fetchIcs = (url: string) => t.app.inject({ url: new URL(url).pathname });

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
});

describe('ICS subscriptions', () => {
  it('serves the plan as an RFC 5545 calendar from a secret address, without a session', async () => {
    const channel = await createFeedChannel(t.db, orgId);
    await t.db.update(channels).set({ name: 'Website' }).where(eq(channels.id, channel.id));
    const soon = new Date(Math.floor((Date.now() + 2 * DAY) / 60_000) * 60_000);
    const post = await insertPost(t.db, orgId, {
      text: 'Ferienprogramm: Anmeldung ab Montag, im Büro; Plätze begrenzt\nMehr auf der Website',
      targets: [{ channelId: channel.id, state: 'scheduled', dueAt: soon }],
    });
    await insertPost(t.db, orgId, {
      text: 'Vor einem Jahr',
      targets: [{ channelId: channel.id, state: 'published', publishedAt: new Date(Date.now() - 365 * DAY) }],
    });
    const feed = await subscribe(owner);
    expect(feed.url).toMatch(/^http:\/\/nahbar\.test\/ics\/[\w-]{43}\.ics$/);
    const stored = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, feed.id));
    expect(stored[0]!.tokenHash).not.toContain(feed.url.split('/ics/')[1]!.slice(0, -4));

    const res = await fetchIcs(feed.url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const { lines, events } = parseIcs(res.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('X-WR-TIMEZONE:Europe/Berlin');
    expect(events.length).toBe(1);
    expect(events[0]).toMatchObject({
      UID: `${post.post.id}-${soon.getTime()}@nahbar`,
      DTSTART: icsDate(soon),
      DTEND: icsDate(new Date(soon.getTime() + 15 * 60_000)),
      SUMMARY: 'Website: Ferienprogramm: Anmeldung ab Montag, im Büro; Plätze begrenzt Mehr auf der…',
      DESCRIPTION: 'Ferienprogramm: Anmeldung ab Montag, im Büro; Plätze begrenzt\nMehr auf der Website',
      URL: `http://nahbar.test/beitraege/${post.post.id}`,
    });
    const list = await call(t.app, { url: `/api/orgs/${orgId}/calendar/feeds`, as: owner });
    expect(list.json()).toEqual([
      expect.objectContaining({ id: feed.id, label: 'Mein Kalender', lastUsedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(list.json())).not.toContain('/ics/');
  });

  it('stops working when revoked, and only its owner can revoke it', async () => {
    const editor = await addMember(t, owner, orgId, ['editor'], 'Edda Editor');
    const feed = await subscribe(editor);
    expect((await fetchIcs(feed.url)).statusCode).toBe(200);
    // Each person sees and revokes only their own subscriptions.
    expect(
      (await call(t.app, { url: `/api/orgs/${orgId}/calendar/feeds`, as: owner }))
        .json()
        .map((f: { id: string }) => f.id),
    ).not.toContain(feed.id);
    const foreign = await call(t.app, {
      method: 'DELETE',
      url: `/api/orgs/${orgId}/calendar/feeds/${feed.id}`,
      as: owner,
    });
    expect(foreign.statusCode).toBe(404);
    const revoked = await call(t.app, {
      method: 'DELETE',
      url: `/api/orgs/${orgId}/calendar/feeds/${feed.id}`,
      as: editor,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await fetchIcs(feed.url)).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/ics/unbekannt-aber-lang-genug-1234567890.ics' })).statusCode).toBe(404);
  });

  it('stops working when its owner leaves the organisation', async () => {
    const editor = await addMember(t, owner, orgId, ['editor'], 'Emil Editor');
    const feed = await subscribe(editor);
    await t.db.delete(memberships).where(eq(memberships.userId, editor.userId));
    expect((await fetchIcs(feed.url)).statusCode).toBe(404);
  });
});
