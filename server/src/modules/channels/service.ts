import type { Channel, ConnectChannelInput } from '@nahbar/common';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { AccountInfo, Credentials } from '../../channels/contract.ts';
import { AuthError, RejectedError, TransientError } from '../../channels/contract.ts';
import { revokeToken } from '../../channels/mastodon/oauth.ts';
import { privateAddressesOf } from '../../channels/network-guard.ts';
import type { DbOrTx } from '../../db/open.ts';
import { channels, mastodonApps, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { adapterFor, type ChannelRow, contextFor, sealCredentials } from './access.ts';
import { channelView } from './view.ts';

type OrgActor = Actor & { orgId: string };

export async function listChannels(deps: Deps, orgId: string): Promise<Channel[]> {
  const rows = await deps.db.select().from(channels).where(eq(channels.orgId, orgId)).orderBy(channels.createdAt);
  const now = deps.clock();
  return rows.map((row) => channelView(deps, row, now));
}

export async function channelRow(db: DbOrTx, orgId: string, id: string): Promise<ChannelRow> {
  const [row] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.id, id), eq(channels.orgId, orgId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** Ask the network who these credentials belong to; its refusal becomes a 422 with its words. */
export async function verifyAtNetwork(
  deps: Deps,
  network: string,
  probe: Pick<ChannelRow, 'id' | 'settings'> & { credentials: Credentials },
): Promise<AccountInfo> {
  const adapter = adapterFor(deps, network);
  try {
    return await adapter.verify({
      credentials: probe.credentials,
      settings: probe.settings,
      channelId: probe.id,
      publicUrl: deps.config.publicUrl,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    if (error instanceof AuthError || error instanceof RejectedError) {
      throw new AppError('channel_verify_failed', { networkMessage: error.networkMessage ?? error.message });
    }
    if (error instanceof TransientError) {
      throw new AppError('channel_unreachable', { networkMessage: error.networkMessage ?? error.message });
    }
    throw error;
  }
}

function accountColumns(account: AccountInfo) {
  return {
    accountId: account.id,
    accountHandle: account.handle,
    accountDisplayName: account.displayName,
    accountUrl: account.url,
  };
}

/** A verified account becomes a channel; used by direct connects and the Mastodon callback. */
export async function saveConnectedChannel(
  deps: Deps,
  actor: OrgActor,
  input: {
    network: string;
    name: string;
    settings: Record<string, unknown>;
    credentials: Credentials;
    account: AccountInfo;
    channelId?: string | undefined;
  },
): Promise<Channel> {
  const now = deps.clock();
  const values = {
    ...accountColumns(input.account),
    settings: input.settings,
    credentials: Object.keys(input.credentials).length ? sealCredentials(deps.box, input.credentials) : null,
    status: 'connected',
    statusMessage: null,
    statusAt: now,
    lastVerifiedAt: now,
  };
  return deps.db.transaction(async (tx) => {
    let row: ChannelRow | undefined;
    if (input.channelId) {
      const existing = await channelRow(tx, actor.orgId, input.channelId);
      if (existing.network !== input.network) throw new AppError('channel_wrong_network');
      [row] = await tx.update(channels).set(values).where(eq(channels.id, existing.id)).returning();
    } else {
      [row] = await tx
        .insert(channels)
        .values({ ...values, orgId: actor.orgId, network: input.network, name: input.name, createdBy: actor.userId })
        .returning();
    }
    if (!row) throw new Error('channel write returned nothing');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: input.channelId ? 'channel.reconnected' : 'channel.connected',
      targetType: 'channel',
      targetId: row.id,
      details: { network: row.network, account: row.accountHandle },
    });
    return channelView(deps, row, now);
  });
}

/** Refuse addresses in the server's own networks (see channels/network-guard.ts). */
export async function assertPublicAddress(deps: Deps, url: string): Promise<void> {
  if (deps.config.allowPrivateNetworks) return;
  const internal = await privateAddressesOf(url);
  if (internal.length) throw new AppError('channel_address_private', { address: new URL(url).host });
}

export async function connectChannel(deps: Deps, actor: OrgActor, input: ConnectChannelInput): Promise<Channel> {
  const probeId = crypto.randomUUID();
  if (input.network === 'bluesky') {
    const service = input.service ?? 'https://bsky.social';
    await assertPublicAddress(deps, service);
    const credentials = { service, identifier: input.handle, appPassword: input.appPassword };
    const settings = { service };
    const account = await verifyAtNetwork(deps, 'bluesky', { id: probeId, settings, credentials });
    return saveConnectedChannel(deps, actor, {
      network: 'bluesky',
      name: input.name ?? `@${account.handle}`,
      settings,
      credentials,
      account,
    });
  }
  const settings = {
    title: input.title,
    siteUrl: input.siteUrl,
    description: input.description ?? null,
    language: input.language ?? 'de',
  };
  // The unique index (one feed per site) is the real guard; this gives the friendly answer.
  const feeds = await deps.db
    .select({ settings: channels.settings })
    .from(channels)
    .where(and(eq(channels.orgId, actor.orgId), eq(channels.network, 'feed'), ne(channels.status, 'disconnected')));
  if (feeds.some((row) => row.settings.siteUrl === input.siteUrl)) throw new AppError('feed_site_taken');
  const account = await verifyAtNetwork(deps, 'feed', { id: probeId, settings, credentials: {} });
  return saveConnectedChannel(deps, actor, { network: 'feed', name: input.title, settings, credentials: {}, account });
}

export async function updateChannel(
  deps: Deps,
  actor: OrgActor,
  id: string,
  input: {
    name?: string | undefined;
    targetIntervalDays?: number | undefined;
    inboxPollMinutes?: number | null | undefined;
  },
): Promise<Channel> {
  return deps.db.transaction(async (tx) => {
    await channelRow(tx, actor.orgId, id);
    const [row] = await tx
      .update(channels)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.targetIntervalDays !== undefined && { targetIntervalDays: input.targetIntervalDays }),
        ...(input.inboxPollMinutes !== undefined && { inboxPollMinutes: input.inboxPollMinutes }),
      })
      .where(eq(channels.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'channel.updated',
      targetType: 'channel',
      targetId: id,
      details: input,
    });
    return channelView(deps, row, deps.clock());
  });
}

/** Health check: the network's answer decides the status; its own words are kept. */
export async function verifyChannel(deps: Deps, actor: OrgActor, id: string): Promise<Channel> {
  const row = await channelRow(deps.db, actor.orgId, id);
  if (row.status === 'disconnected') throw new AppError('channel_disconnected');
  const now = deps.clock();
  let patch: Partial<ChannelRow>;
  try {
    const account = await adapterFor(deps, row.network).verify(contextFor(deps, row, AbortSignal.timeout(30_000)));
    patch = {
      ...accountColumns(account),
      status: 'connected',
      statusMessage: null,
      statusAt: now,
      lastVerifiedAt: now,
    };
  } catch (error) {
    if (error instanceof AuthError) {
      patch = { status: 'needs_reconnect', statusMessage: error.networkMessage ?? error.message, statusAt: now };
    } else if (error instanceof TransientError || error instanceof RejectedError) {
      patch = { status: 'failing', statusMessage: error.networkMessage ?? error.message, statusAt: now };
    } else throw error;
  }
  const [updated] = await deps.db.update(channels).set(patch).where(eq(channels.id, id)).returning();
  if (!updated) throw new AppError('not_found');
  return channelView(deps, updated, now);
}

export async function reconnectBluesky(deps: Deps, actor: OrgActor, id: string, appPassword: string): Promise<Channel> {
  const row = await channelRow(deps.db, actor.orgId, id);
  if (row.network !== 'bluesky') throw new AppError('channel_wrong_network');
  const old = row.credentials ? (JSON.parse(deps.box.open(row.credentials)) as Credentials) : {};
  const service = String(row.settings.service ?? 'https://bsky.social');
  const credentials = { service, identifier: old.identifier ?? row.accountHandle ?? '', appPassword };
  const account = await verifyAtNetwork(deps, 'bluesky', { id, settings: row.settings, credentials });
  return saveConnectedChannel(deps, actor, {
    network: 'bluesky',
    name: row.name,
    settings: row.settings,
    credentials,
    account,
    channelId: id,
  });
}

/** Credentials are deleted; what was waiting to go out on this channel is cancelled. */
export async function disconnectChannel(deps: Deps, actor: OrgActor, id: string): Promise<void> {
  const row = await deps.db.transaction(async (tx) => {
    const row = await channelRow(tx, actor.orgId, id);
    const now = deps.clock();
    await tx
      .update(channels)
      .set({ credentials: null, status: 'disconnected', statusMessage: null, statusAt: now })
      .where(eq(channels.id, id));
    const cancelled = await tx
      .update(postTargets)
      .set({ state: 'cancelled', updatedAt: now })
      .where(and(eq(postTargets.channelId, id), inArray(postTargets.state, ['draft', 'scheduled', 'held', 'failed'])))
      .returning({ id: postTargets.id });
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'channel.disconnected',
      targetType: 'channel',
      targetId: id,
      details: { network: row.network, account: row.accountHandle, cancelledTargets: cancelled.length },
    });
    return row;
  });
  if (row.network === 'mastodon' && row.credentials) await revokeMastodonToken(deps, row);
}

/** Best effort: the instance forgets the token too. Our copy is gone either way. */
async function revokeMastodonToken(deps: Deps, row: ChannelRow): Promise<void> {
  try {
    const instanceUrl = String(row.settings.instanceUrl ?? '');
    const [app] = await deps.db.select().from(mastodonApps).where(eq(mastodonApps.instanceUrl, instanceUrl));
    if (!app) return;
    const { accessToken } = JSON.parse(deps.box.open(row.credentials as string)) as Credentials;
    await revokeToken({
      instanceUrl,
      clientId: app.clientId,
      clientSecret: deps.box.open(app.clientSecret),
      token: accessToken ?? '',
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    deps.log.warn(
      { channelId: row.id, err: error instanceof Error ? error.message : String(error) },
      'token revoke failed',
    );
  }
}
