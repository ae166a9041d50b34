import { can, type Role } from '@nahbar/common';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import ical from 'ical-generator';
import { hashToken } from '../../crypto/tokens.ts';
import { calendarFeeds, memberships, organisations, posts } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { loadEntries } from './calendar-entries.ts';
import { excerptOf } from './excerpt.ts';

const DAY = 86_400_000;
const BACK_DAYS = 30;
const AHEAD_DAYS = 180;
const EVENT_MS = 15 * 60_000;

/**
 * The subscription's calendar: the organisation's plan from 30 days back to 180 ahead. Answers
 * 404 for an unknown or revoked token and for someone who may no longer read posts there, so a
 * forwarded address stops working when its owner leaves. Times are exact UTC instants (the zone
 * goes along as X-WR-TIMEZONE): calendar apps show them in their own zone without ambiguity.
 */
export async function renderIcs(deps: Deps, token: string): Promise<string> {
  const now = deps.clock();
  const [feed] = await deps.db
    .select({ id: calendarFeeds.id, orgId: calendarFeeds.orgId, roles: memberships.roles, org: organisations })
    .from(calendarFeeds)
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, calendarFeeds.orgId), eq(memberships.userId, calendarFeeds.userId)),
    )
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.orgId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed || !can(feed.roles as Role[], 'posts.read')) throw new AppError('not_found');
  await deps.db.update(calendarFeeds).set({ lastUsedAt: now }).where(eq(calendarFeeds.id, feed.id));

  const entries = await loadEntries(deps.db, feed.orgId, {
    from: new Date(now.getTime() - BACK_DAYS * DAY),
    to: new Date(now.getTime() + AHEAD_DAYS * DAY),
    states: null,
  });
  const texts = await postTexts(deps, feed.orgId, [...new Set(entries.map((e) => e.postId))]);
  const calendar = ical({
    name: `nahbar – ${feed.org.name}`,
    prodId: { company: 'nahbar', product: 'calendar', language: feed.org.language.toUpperCase() },
    x: { 'X-WR-TIMEZONE': feed.org.timeZone },
  });
  const base = deps.config.publicUrl.replace(/\/$/, '');
  for (const entry of entries) {
    const start = new Date(entry.at);
    const channelNames = [...new Set(entry.targets.map((t) => t.channelName))].join(', ');
    calendar.createEvent({
      id: `${entry.postId}-${start.getTime()}@nahbar`,
      start,
      end: new Date(start.getTime() + EVENT_MS),
      stamp: now,
      summary: `${channelNames}: ${excerptOf(texts.get(entry.postId) ?? entry.excerpt, 80)}`,
      description: texts.get(entry.postId) ?? entry.excerpt,
      url: `${base}/beitraege/${entry.postId}`,
    });
  }
  return calendar.toString();
}

async function postTexts(deps: Deps, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db
    .select({ id: posts.id, text: posts.text })
    .from(posts)
    .where(and(eq(posts.orgId, orgId), inArray(posts.id, ids)));
  return new Map(rows.map((r) => [r.id, r.text]));
}
