import type { ChannelSlots, PostingSlot } from '@nahbar/common';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, postingSlots } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';

async function requireChannel(db: DbOrTx, orgId: string, channelId: string, lock = false): Promise<void> {
  const query = db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.orgId, orgId)));
  // Two settings pages saving at once: the second waits instead of colliding on the slots' key.
  const [row] = lock ? await query.for('update') : await query;
  // Another organisation's channel is "not found", like everywhere.
  if (!row) throw new AppError('not_found');
}

async function slotsOf(db: DbOrTx, orgId: string, channelId: string): Promise<PostingSlot[]> {
  return db
    .select({ weekday: postingSlots.weekday, time: postingSlots.time })
    .from(postingSlots)
    .where(and(eq(postingSlots.orgId, orgId), eq(postingSlots.channelId, channelId)))
    .orderBy(asc(postingSlots.weekday), asc(postingSlots.time));
}

export async function getSlots(deps: Deps, orgId: string, channelId: string): Promise<ChannelSlots> {
  await requireChannel(deps.db, orgId, channelId);
  return { channelId, slots: await slotsOf(deps.db, orgId, channelId) };
}

/** Replaces all of a channel's slots (the settings page sends the whole week). */
export async function putSlots(
  deps: Deps,
  actor: Actor & { orgId: string },
  channelId: string,
  slots: PostingSlot[],
): Promise<ChannelSlots> {
  const unique = [...new Map(slots.map((s) => [`${s.weekday} ${s.time}`, s])).values()];
  return deps.db.transaction(async (tx) => {
    await requireChannel(tx, actor.orgId, channelId, true);
    await tx
      .delete(postingSlots)
      .where(and(eq(postingSlots.orgId, actor.orgId), eq(postingSlots.channelId, channelId)));
    if (unique.length) {
      await tx
        .insert(postingSlots)
        .values(unique.map((s) => ({ orgId: actor.orgId, channelId, weekday: s.weekday, time: s.time })));
    }
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'channel.slots_updated',
      targetType: 'channel',
      targetId: channelId,
      details: { slots: unique.map((s) => `${s.weekday} ${s.time}`) },
    });
    return { channelId, slots: await slotsOf(tx, actor.orgId, channelId) };
  });
}
