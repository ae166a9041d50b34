import { and, eq, sql } from 'drizzle-orm';
import { isChannelError } from '../../channels/contract.ts';
import { channels, inboxCursors, memberships, organisations, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { ChannelRow } from '../channels/access.ts';
import { channelNeedsReconnectMail } from '../mail/templates.ts';

/**
 * A failed fetch keeps the cursor where it was. Rejected credentials put the channel on
 * "needs reconnect" (as the publishing engine does) and tell owners and admins; anything else
 * is noted on the cursor and tried again at the next poll (or when the network said).
 */
export async function recordFetchError(deps: Deps, channel: ChannelRow, error: unknown, pollMinutes: number) {
  const now = deps.clock();
  const channelError = isChannelError(error) ? error : null;
  const message = channelError
    ? (channelError.networkMessage ?? channelError.message)
    : error instanceof Error
      ? error.message
      : String(error);
  if (!channelError) deps.log.error({ channelId: channel.id, err: message }, 'inbox fetch failed');
  else deps.log.warn({ channelId: channel.id, kind: channelError.kind, err: message }, 'inbox fetch failed');
  const retryAfterMs = channelError?.kind === 'transient' ? (channelError.retryAfterMs ?? 0) : 0;
  const nextFetchAt = new Date(now.getTime() + Math.max(pollMinutes * 60_000, retryAfterMs));
  const values = { lastError: message.slice(0, 1000), nextFetchAt };
  let reconnect = false;
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(inboxCursors)
      .values({ channelId: channel.id, orgId: channel.orgId, ...values })
      .onConflictDoUpdate({ target: inboxCursors.channelId, set: values });
    if (channelError?.kind === 'auth') {
      const changed = await tx
        .update(channels)
        .set({ status: 'needs_reconnect', statusMessage: message, statusAt: now })
        .where(and(eq(channels.id, channel.id), sql`${channels.status} <> 'needs_reconnect'`))
        .returning({ id: channels.id });
      reconnect = changed.length > 0;
    }
  });
  if (reconnect) await notifyReconnect(deps, channel, message);
}

async function notifyReconnect(deps: Deps, channel: ChannelRow, networkMessage: string) {
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
