import { and, eq, notInArray } from 'drizzle-orm';
import { channels } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { notify } from '../notifications/notify.ts';
import { orgMembersWithRoles } from '../notifications/recipients.ts';
import type { ChannelRow } from './access.ts';

/**
 * A network refused the channel's credentials (publishing, inbox fetch, reply or hide): the
 * channel asks to be connected again, and owners and admins hear of it once, not per failure.
 */
export async function markNeedsReconnect(deps: Deps, channel: ChannelRow, networkMessage: string): Promise<void> {
  const changed = await deps.db
    .update(channels)
    .set({ status: 'needs_reconnect', statusMessage: networkMessage, statusAt: deps.clock() })
    .where(and(eq(channels.id, channel.id), notInArray(channels.status, ['needs_reconnect', 'disconnected'])))
    .returning({ id: channels.id });
  if (changed.length > 0) await notifyReconnect(deps, channel, networkMessage);
}

/** Owners and admins are told (in nahbar, and by e-mail as they chose) that a channel refused our credentials. */
export async function notifyReconnect(deps: Deps, channel: ChannelRow, networkMessage: string): Promise<void> {
  await notify(deps, {
    orgId: channel.orgId,
    userIds: await orgMembersWithRoles(deps.db, channel.orgId, ['owner', 'admin']),
    type: 'channel_needs_reconnect',
    params: { channel: channel.name, reason: networkMessage },
    link: '/kanaele',
  });
}
