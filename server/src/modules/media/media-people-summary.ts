import type { Media } from '@nahbar/common';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { mediaPeople, mediaPeopleReviews } from '../../db/schema/index.ts';

type Summary = Media['people'];
const UNREVIEWED: Summary = { status: 'unreviewed', count: 0 };

/** Who each image shows, for the library's badges: two indexed reads for a whole page. */
export async function peopleSummaries(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, Summary>> {
  const found = new Map<string, Summary>();
  if (ids.length === 0) return found;
  const [reviews, counts] = await Promise.all([
    db
      .select({ mediaId: mediaPeopleReviews.mediaId, status: mediaPeopleReviews.status })
      .from(mediaPeopleReviews)
      .where(and(eq(mediaPeopleReviews.orgId, orgId), inArray(mediaPeopleReviews.mediaId, [...ids]))),
    db
      .select({ mediaId: mediaPeople.mediaId, n: count() })
      .from(mediaPeople)
      .where(and(eq(mediaPeople.orgId, orgId), inArray(mediaPeople.mediaId, [...ids])))
      .groupBy(mediaPeople.mediaId),
  ]);
  const tagged = new Map(counts.map((c) => [c.mediaId, c.n]));
  for (const review of reviews) {
    found.set(review.mediaId, { status: review.status as Summary['status'], count: tagged.get(review.mediaId) ?? 0 });
  }
  return found;
}

export function summaryOf(summaries: Map<string, Summary>, id: string): Summary {
  return summaries.get(id) ?? UNREVIEWED;
}

export { UNREVIEWED as UNREVIEWED_PEOPLE };
