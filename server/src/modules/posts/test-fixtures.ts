import { eq } from 'drizzle-orm';
import { postTargets } from '../../db/schema/index.ts';
import type { TestApp } from '../../test/harness.ts';

// Rows the posts tests stand on. Channels of every network and media are written directly:
// connecting at a real network or running the image pipeline is not what these tests are about.

export async function addChannel(
  t: TestApp,
  orgId: string,
  network: 'bluesky' | 'mastodon' | 'feed',
  name = `${network} ${Math.random().toString(36).slice(2, 7)}`,
  status = 'connected',
): Promise<string> {
  const rows = await t.db.$client.query<{ id: string }>(
    `insert into channels (org_id, network, name, settings, status) values ($1, $2, $3, $4, $5) returning id`,
    [orgId, network, name, network === 'feed' ? { siteUrl: `https://${name.replace(/\W/g, '')}.example` } : {}, status],
  );
  return rows.rows[0]!.id;
}

export async function addMedia(
  t: TestApp,
  orgId: string,
  kind: 'image' | 'video' | 'captions' = 'image',
  extra: { size?: number; durationMs?: number } = {},
): Promise<string> {
  const mime = { image: 'image/png', video: 'video/mp4', captions: 'text/vtt' }[kind];
  const rows = await t.db.$client.query<{ id: string }>(
    `insert into media (org_id, kind, mime, width, height, size, duration_ms, bytes)
     values ($1, $2, $3, 1, 1, $4, $5, '\\x00') returning id`,
    [orgId, kind, mime, extra.size ?? 1000, extra.durationMs ?? null],
  );
  return rows.rows[0]!.id;
}

/** ISO weekday 1–7 and "HH:MM" in the organisation's time zone. */
export async function addSlot(t: TestApp, orgId: string, channelId: string, weekday: number, time: string) {
  await t.db.$client.query('insert into posting_slots (org_id, channel_id, weekday, time) values ($1, $2, $3, $4)', [
    orgId,
    channelId,
    weekday,
    time,
  ]);
}

/** What the engine would do once a target went out. */
export async function markPublished(t: TestApp, targetId: string) {
  await t.db
    .update(postTargets)
    .set({ state: 'published', publishedAt: new Date(), remoteUrl: 'https://example.org/p/1' })
    .where(eq(postTargets.id, targetId));
}

export async function count(t: TestApp, table: string): Promise<number> {
  return (await t.db.$client.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
}
