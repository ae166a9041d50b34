import type { NetworkId } from '@nahbar/common';
import type { AdapterContext, ChannelAdapter, Credentials } from '../../channels/contract.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { channels } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';

export type ChannelRow = typeof channels.$inferSelect;

export function sealCredentials(box: SecretBox, credentials: Credentials): string {
  return box.seal(JSON.stringify(credentials));
}

export function adapterFor(deps: Pick<Deps, 'registry'>, network: string): ChannelAdapter {
  const adapter = deps.registry[network as NetworkId];
  if (!adapter) throw new Error(`no adapter for network ${network}`);
  return adapter;
}

/** Credentials are opened only here, for the one call that needs them. */
export function contextFor(
  deps: Pick<Deps, 'box' | 'config'>,
  channel: ChannelRow,
  signal?: AbortSignal,
): AdapterContext {
  const credentials = channel.credentials ? (JSON.parse(deps.box.open(channel.credentials)) as Credentials) : {};
  return {
    credentials,
    settings: channel.settings,
    channelId: channel.id,
    publicUrl: deps.config.publicUrl,
    ...(signal && { signal }),
  };
}
