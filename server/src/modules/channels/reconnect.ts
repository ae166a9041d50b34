import { and, eq, notInArray, sql } from 'drizzle-orm';
import { channels, memberships, organisations, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { channelNeedsReconnectMail } from '../mail/templates.ts';
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

/** Owners and admins learn by e-mail that a channel refused our credentials. */
export async function notifyReconnect(deps: Deps, channel: ChannelRow, networkMessage: string): Promise<void> {
  const [org] = await deps.db.select().from(organisations).where(eq(organisations.id, channel.orgId));
  const people = await deps.db
    .select({ email: users.email, language: users.language })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, channel.orgId), sql`${memberships.roles} && array['owner','admin']::text[]`));
  for (const person of people) {
    const mail = channelNeedsReconnectMail(person.language === 'en' ? 'en' : 'de', {
      organisation: org?.name ?? '',
      channel: channel.name,
      networkMessage,
      url: `${deps.config.publicUrl}/kanaele`,
    });
    await deps.mailer.send({ orgId: channel.orgId, to: person.email, ...mail });
  }
}
