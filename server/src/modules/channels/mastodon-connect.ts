import { can, type Role } from '@nahbar/common';
import { and, eq, gt } from 'drizzle-orm';
import { TransientError } from '../../channels/contract.ts';
import { readInstance } from '../../channels/mastodon/instance.ts';
import { authorizeUrl, exchangeCode, pkce, registerApp } from '../../channels/mastodon/oauth.ts';
import { hashToken, newToken } from '../../crypto/tokens.ts';
import { mastodonApps, memberships, oauthStates } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { assertPublicAddress, channelRow, saveConnectedChannel, verifyAtNetwork } from './service.ts';

// Mastodon connects by OAuth (authorization code + PKCE): we register one app per instance,
// send the browser to the instance, and finish in the callback. The state ties the callback to
// the person and organisation that started it; it is single-use and expires.
const STATE_MINUTES = 15;

export const callbackPath = '/api/channels/mastodon/callback';

async function appFor(deps: Deps, instanceUrl: string) {
  const [existing] = await deps.db.select().from(mastodonApps).where(eq(mastodonApps.instanceUrl, instanceUrl));
  const redirectUri = `${deps.config.publicUrl}${callbackPath}`;
  if (existing && existing.redirectUri === redirectUri) {
    return { clientId: existing.clientId, clientSecret: deps.box.open(existing.clientSecret), redirectUri };
  }
  const app = await networkCall(() => registerApp(instanceUrl, redirectUri, deps.config.publicUrl));
  const row = { clientId: app.clientId, clientSecret: deps.box.seal(app.clientSecret), redirectUri };
  await deps.db
    .insert(mastodonApps)
    .values({ instanceUrl, ...row })
    .onConflictDoUpdate({ target: mastodonApps.instanceUrl, set: row });
  return { ...app, redirectUri };
}

async function networkCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const networkMessage =
      error instanceof Error ? ((error as { networkMessage?: string }).networkMessage ?? error.message) : null;
    if (error instanceof TransientError) throw new AppError('channel_unreachable', { networkMessage });
    throw new AppError('channel_verify_failed', { networkMessage });
  }
}

export async function startMastodon(
  deps: Deps,
  actor: Actor & { orgId: string; userId: string },
  input: { instanceUrl: string; channelId?: string | undefined },
): Promise<{ authorizeUrl: string }> {
  if (input.channelId) {
    const channel = await channelRow(deps.db, actor.orgId, input.channelId);
    if (channel.network !== 'mastodon') throw new AppError('channel_wrong_network');
  }
  await assertPublicAddress(deps, input.instanceUrl);
  const app = await appFor(deps, input.instanceUrl);
  const state = newToken('');
  const { verifier, challenge } = pkce();
  await deps.db.insert(oauthStates).values({
    stateHash: hashToken(state),
    orgId: actor.orgId,
    userId: actor.userId,
    instanceUrl: input.instanceUrl,
    codeVerifier: deps.box.seal(verifier),
    channelId: input.channelId ?? null,
    expiresAt: new Date(deps.clock().getTime() + STATE_MINUTES * 60_000),
  });
  return {
    authorizeUrl: authorizeUrl({
      instanceUrl: input.instanceUrl,
      clientId: app.clientId,
      redirectUri: app.redirectUri,
      state,
      codeChallenge: challenge,
    }),
  };
}

/** The browser comes back from the instance. Returns the channel id. */
export async function finishMastodon(
  deps: Deps,
  actor: Actor,
  query: { state: string; code?: string | undefined; error?: string | undefined },
): Promise<string> {
  const now = deps.clock();
  // Single use: the state row is deleted as it is read.
  const [pending] = await deps.db
    .delete(oauthStates)
    .where(and(eq(oauthStates.stateHash, hashToken(query.state)), gt(oauthStates.expiresAt, now)))
    .returning();
  if (!pending || pending.userId !== actor.userId) throw new AppError('oauth_failed');
  if (query.error || !query.code) throw new AppError('oauth_failed', { networkMessage: query.error ?? null });
  const [membership] = await deps.db
    .select({ roles: memberships.roles })
    .from(memberships)
    .where(and(eq(memberships.orgId, pending.orgId), eq(memberships.userId, pending.userId)));
  if (!membership || !can(membership.roles as Role[], 'channels.manage')) throw new AppError('forbidden');

  const app = await appFor(deps, pending.instanceUrl);
  const accessToken = await networkCall(() =>
    exchangeCode({
      instanceUrl: pending.instanceUrl,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: app.redirectUri,
      code: query.code as string,
      codeVerifier: deps.box.open(pending.codeVerifier),
    }),
  );
  const settings = await networkCall(() => readInstance(pending.instanceUrl));
  const credentials = { accessToken };
  const account = await verifyAtNetwork(deps, 'mastodon', {
    id: pending.channelId ?? crypto.randomUUID(),
    settings,
    credentials,
  });
  const channel = await saveConnectedChannel(
    deps,
    { ...actor, orgId: pending.orgId },
    {
      network: 'mastodon',
      name: account.handle,
      settings,
      credentials,
      account,
      channelId: pending.channelId ?? undefined,
    },
  );
  return channel.id;
}
