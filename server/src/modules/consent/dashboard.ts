import { localDay, type PrivacyDashboard } from '@nahbar/common';
import { addDays } from '@nahbar/common/rules/local-date';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import {
  channels,
  consents,
  mediaPeopleReviews,
  people,
  postMedia,
  posts,
  postTargets,
  takedownTasks,
  users,
} from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { excerptOf } from '../calendar/excerpt.ts';
import { orgTimeZone } from '../calendar/org-time-zone.ts';
import { consentView } from '../people/consent-view.ts';
import { gateForTarget, loadPostsGateFacts } from './gate-context.ts';

const EXPIRING_DAYS = 30;
const WITHDRAWN_DAYS = 90;
/** Waiting to go out: the gate will judge them at their time. */
const WAITING = ['scheduled', 'in_review', 'approved', 'held'];
const LIST_LIMIT = 200;

/** The privacy officer's overview: what ends soon, what the gate stops, what is still to take down. */
export async function privacyDashboard(deps: Deps, orgId: string): Promise<PrivacyDashboard> {
  const now = deps.clock();
  const today = localDay(now, await orgTimeZone(deps.db, orgId));
  const consentRows = (where: ReturnType<typeof and>) =>
    deps.db
      .select({ row: consents, personName: people.displayName, recorder: users.name })
      .from(consents)
      .innerJoin(people, eq(people.id, consents.personId))
      .leftJoin(users, eq(users.id, consents.recordedBy))
      .where(and(eq(consents.orgId, orgId), where))
      .limit(LIST_LIMIT);
  const expiring = await consentRows(
    and(
      isNull(consents.withdrawnOn),
      lte(consents.validFrom, today),
      gte(consents.validUntil, today),
      lte(consents.validUntil, addDays(today, EXPIRING_DAYS)),
    ),
  ).orderBy(asc(consents.validUntil));
  const withdrawn = await consentRows(
    and(isNotNull(consents.withdrawnOn), gte(consents.withdrawnOn, addDays(today, -WITHDRAWN_DAYS))),
  ).orderBy(desc(consents.withdrawnOn));
  const view = (r: (typeof expiring)[number]) => ({
    consent: consentView(r.row, today, r.recorder),
    personName: r.personName,
  });
  return {
    expiring: expiring.map(view),
    blockedPosts: await blockedPosts(deps, orgId, now),
    withdrawn: withdrawn.map(view),
    unreviewedMedia: await unreviewedScheduledMedia(deps, orgId),
    pendingTakedowns: await pendingTakedowns(deps, orgId),
  };
}

/** Waiting targets (and drafts planned ahead) of posts with people or images that the gate blocks at their time. */
async function blockedPosts(deps: Deps, orgId: string, now: Date): Promise<PrivacyDashboard['blockedPosts']> {
  const rows = await deps.db
    .select({ target: postTargets, channel: channels, text: posts.text, plannedAt: posts.plannedAt })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(
      and(
        eq(postTargets.orgId, orgId),
        or(inArray(postTargets.state, WAITING), and(eq(postTargets.state, 'draft'), gte(posts.plannedAt, now))),
        sql`(exists (select 1 from post_media m where m.post_id = ${posts.id})
          or exists (select 1 from post_people n where n.post_id = ${posts.id}))`,
      ),
    )
    .orderBy(sql`coalesce(${postTargets.dueAt}, ${posts.plannedAt}) asc nulls last`)
    .limit(LIST_LIMIT * 5);
  const facts = await loadPostsGateFacts(
    deps.db,
    orgId,
    rows.map((r) => r.target.postId),
  );
  const blocked: PrivacyDashboard['blockedPosts'] = [];
  for (const r of rows) {
    const due = r.target.dueAt ?? r.plannedAt;
    // A held target goes out when somebody decides: judged now, or at its time if that is later.
    const at = due && due > now ? due : now;
    const result = gateForTarget(facts.get(r.target.postId)!, r.channel, at);
    if (result.allowed) continue;
    blocked.push({
      postId: r.target.postId,
      excerpt: excerptOf(r.text, 80),
      dueAt: due?.toISOString() ?? null,
      channelName: r.channel.name,
      reasons: result.reasons,
    });
    if (blocked.length >= LIST_LIMIT) break;
  }
  return blocked;
}

/** Images in posts on their way out that nobody has reviewed for people yet. */
async function unreviewedScheduledMedia(deps: Deps, orgId: string): Promise<number> {
  const [row] = await deps.db
    .select({ count: sql<number>`count(distinct ${postMedia.mediaId})::int` })
    .from(postMedia)
    .leftJoin(mediaPeopleReviews, eq(mediaPeopleReviews.mediaId, postMedia.mediaId))
    .where(
      and(
        eq(postMedia.orgId, orgId),
        isNull(mediaPeopleReviews.mediaId),
        sql`exists (select 1 from ${postTargets} t where t.post_id = ${postMedia.postId}
          and t.state in ('scheduled','in_review','approved'))`,
      ),
    );
  return row?.count ?? 0;
}

async function pendingTakedowns(deps: Deps, orgId: string): Promise<number> {
  const [row] = await deps.db
    .select({ count: sql<number>`count(*)::int` })
    .from(takedownTasks)
    .where(and(eq(takedownTasks.orgId, orgId), eq(takedownTasks.state, 'pending')));
  return row?.count ?? 0;
}
