import {
  type AgeRules,
  checkConsentGate,
  type GateConsent,
  type GateMedia,
  type GatePerson,
  type GateResult,
  type PeopleStatus,
} from '@nahbar/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import {
  consents,
  media,
  mediaPeople,
  mediaPeopleReviews,
  people,
  postMedia,
  postPeople,
} from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { gateConsent, gatePerson } from '../people/consent-view.ts';
import { orgRules } from '../people/org-day.ts';

/** Everything the pure gate needs about one post (or draft), except the channel and the moment. */
export type GateFacts = {
  media: GateMedia[];
  namedPersonIds: string[];
  people: GatePerson[];
  consents: GateConsent[];
  timeZone: string;
  rules: AgeRules;
};

type Shared = Pick<GateFacts, 'people' | 'consents' | 'timeZone' | 'rules'>;

/** The gate for one channel at one moment: common/rules decides, this only supplies the facts. */
export function gateForTarget(
  facts: GateFacts,
  channel: { id: string; network: string },
  at: Date | string | number,
): GateResult {
  return checkConsentGate({ ...facts, channel, at });
}

/** An unsaved draft (the composer): its images must belong to the organisation. */
export async function loadDraftGateFacts(
  db: DbOrTx,
  orgId: string,
  draft: { mediaIds: readonly string[]; namedPersonIds: readonly string[] },
): Promise<GateFacts> {
  const mediaIds = [...new Set(draft.mediaIds)];
  if (mediaIds.length) {
    const found = await db
      .select({ id: media.id })
      .from(media)
      .where(and(inArray(media.id, mediaIds), eq(media.orgId, orgId)));
    if (found.length !== mediaIds.length) throw new AppError('not_found');
  }
  const tagged = await mediaFacts(db, orgId, mediaIds);
  const named = [...new Set(draft.namedPersonIds)];
  const shared = await sharedFacts(db, orgId, [...named, ...tagged.flatMap((m) => m.personIds)]);
  // A named id that is not in this organisation's register: not found, as for any foreign id.
  const known = new Set(shared.people.map((p) => p.id));
  if (named.some((id) => !known.has(id))) throw new AppError('not_found');
  return { media: tagged, namedPersonIds: named, ...shared };
}

/** Saved posts, several at once in a fixed number of queries (the dashboard, a withdrawal). */
export async function loadPostsGateFacts(
  db: DbOrTx,
  orgId: string,
  postIds: readonly string[],
): Promise<Map<string, GateFacts>> {
  const ids = [...new Set(postIds)];
  if (ids.length === 0) return new Map();
  const links = await db
    .select({ postId: postMedia.postId, mediaId: postMedia.mediaId })
    .from(postMedia)
    .where(and(inArray(postMedia.postId, ids), eq(postMedia.orgId, orgId)));
  const named = await db
    .select({ postId: postPeople.postId, personId: postPeople.personId })
    .from(postPeople)
    .where(and(inArray(postPeople.postId, ids), eq(postPeople.orgId, orgId)));
  const allMedia = await mediaFacts(
    db,
    orgId,
    links.map((l) => l.mediaId),
  );
  const byMedia = new Map(allMedia.map((m) => [m.id, m]));
  const shared = await sharedFacts(db, orgId, [
    ...named.map((n) => n.personId),
    ...allMedia.flatMap((m) => m.personIds),
  ]);
  return new Map(
    ids.map((postId) => [
      postId,
      {
        media: links.filter((l) => l.postId === postId).map((l) => byMedia.get(l.mediaId)!),
        namedPersonIds: named.filter((n) => n.postId === postId).map((n) => n.personId),
        ...shared,
      },
    ]),
  );
}

export async function loadPostGateFacts(db: DbOrTx, orgId: string, postId: string): Promise<GateFacts> {
  return (await loadPostsGateFacts(db, orgId, [postId])).get(postId)!;
}

/**
 * Who a post shows or names, and which of them are minors at `at` — for the approval rules
 * (a post showing a minor needs the stricter path).
 */
export async function postPeopleFacts(
  db: DbOrTx,
  orgId: string,
  postId: string,
  at: Date | string | number,
): Promise<{ personIds: string[]; minorIds: string[]; showsMinor: boolean }> {
  const facts = await loadPostGateFacts(db, orgId, postId);
  const result = gateForTarget(facts, { id: '', network: 'feed' }, at);
  const personIds = [...new Set([...facts.namedPersonIds, ...facts.media.flatMap((m) => m.personIds)])];
  return { personIds, minorIds: result.minorIds, showsMinor: result.minorIds.length > 0 };
}

/** Of these posts, the ones showing or naming a minor at `at`: one batch for a whole list. */
export async function postsShowingMinors(
  db: DbOrTx,
  orgId: string,
  postIds: readonly string[],
  at: Date | string | number,
): Promise<Set<string>> {
  const facts = await loadPostsGateFacts(db, orgId, postIds);
  const showing = [...facts].filter(([, f]) => gateForTarget(f, { id: '', network: 'feed' }, at).minorIds.length > 0);
  return new Set(showing.map(([postId]) => postId));
}

/** Each image's review status ("unreviewed" without a review) and who it is tagged with. */
async function mediaFacts(db: DbOrTx, orgId: string, mediaIds: readonly string[]): Promise<GateMedia[]> {
  const ids = [...new Set(mediaIds)];
  if (ids.length === 0) return [];
  const reviews = await db
    .select({ mediaId: mediaPeopleReviews.mediaId, status: mediaPeopleReviews.status })
    .from(mediaPeopleReviews)
    .where(and(inArray(mediaPeopleReviews.mediaId, ids), eq(mediaPeopleReviews.orgId, orgId)));
  const tags = await db
    .select({ mediaId: mediaPeople.mediaId, personId: mediaPeople.personId })
    .from(mediaPeople)
    .where(and(inArray(mediaPeople.mediaId, ids), eq(mediaPeople.orgId, orgId)));
  const status = new Map(reviews.map((r) => [r.mediaId, r.status as PeopleStatus]));
  return ids.map((id) => ({
    id,
    status: status.get(id) ?? 'unreviewed',
    personIds: tags.filter((t) => t.mediaId === id).map((t) => t.personId),
  }));
}

async function sharedFacts(db: DbOrTx, orgId: string, personIds: readonly string[]): Promise<Shared> {
  const ids = [...new Set(personIds)];
  // One after the other: inside a transaction they share one connection.
  const rows = ids.length
    ? await db
        .select()
        .from(people)
        .where(and(inArray(people.id, ids), eq(people.orgId, orgId)))
    : [];
  const consentRows = ids.length
    ? await db
        .select()
        .from(consents)
        .where(and(inArray(consents.personId, ids), eq(consents.orgId, orgId)))
    : [];
  const { timeZone, rules } = await orgRules(db, orgId);
  return { people: rows.map(gatePerson), consents: consentRows.map(gateConsent), timeZone, rules };
}
