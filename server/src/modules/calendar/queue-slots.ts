import type { PostingSlot } from '@nahbar/common';
import { nextFreeSlot, QUEUE_LOOKAHEAD_DAYS } from '@nahbar/common/rules/posting-slots';
import { and, eq, gt, inArray, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { postingSlots, postTargets } from '../../db/schema/index.ts';

// A slot counts as taken by a post that is going out (or went out) on that channel then.
const OCCUPYING = ['scheduled', 'publishing', 'published'];
const DAY = 86_400_000;

/**
 * Per channel the next posting slot after `after` that none of its scheduled or published
 * posts occupies; null when the channel has no slots (or all of the next eight weeks are full).
 * Two round trips, whatever the number of channels.
 */
export async function nextFreeSlots(
  db: DbOrTx,
  orgId: string,
  channelIds: string[],
  timeZone: string,
  after: Date,
): Promise<Map<string, Date | null>> {
  const result = new Map<string, Date | null>();
  if (channelIds.length === 0) return result;
  const slotRows = await db
    .select({ channelId: postingSlots.channelId, weekday: postingSlots.weekday, time: postingSlots.time })
    .from(postingSlots)
    .where(and(eq(postingSlots.orgId, orgId), inArray(postingSlots.channelId, channelIds)));
  const withSlots = [...new Set(slotRows.map((s) => s.channelId))];
  // A day either side of the look-ahead: a local day is not 24 h from `after` in every zone.
  const until = new Date(after.getTime() + (QUEUE_LOOKAHEAD_DAYS + 2) * DAY);
  const takenRows = withSlots.length
    ? await db
        .select({ channelId: postTargets.channelId, dueAt: postTargets.dueAt, publishedAt: postTargets.publishedAt })
        .from(postTargets)
        .where(
          and(
            eq(postTargets.orgId, orgId),
            inArray(postTargets.channelId, withSlots),
            inArray(postTargets.state, OCCUPYING),
            or(
              and(gt(postTargets.dueAt, after), lte(postTargets.dueAt, until)),
              and(gt(postTargets.publishedAt, after), lte(postTargets.publishedAt, until)),
            ),
          ),
        )
    : [];
  for (const channelId of channelIds) {
    const slots: PostingSlot[] = slotRows
      .filter((s) => s.channelId === channelId)
      .map((s) => ({ weekday: s.weekday, time: s.time }));
    const taken = takenRows
      .filter((t) => t.channelId === channelId)
      .flatMap((t) => [t.dueAt, t.publishedAt].filter((d): d is Date => d !== null));
    result.set(channelId, nextFreeSlot(slots, taken, timeZone, after));
  }
  return result;
}
