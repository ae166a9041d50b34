import type { NetworkId } from '@nahbar/common';
import type { Capabilities, ChannelAdapter } from './contract.ts';

/**
 * An adapter whose code is imported on its first call. Capabilities answer at once (the channel
 * list and the composer need them); heavy network libraries load only when a channel of that
 * network is used, so an idle server stays small.
 */
export function lazyAdapter(
  network: NetworkId,
  capabilities: (settings: Record<string, unknown>) => Capabilities,
  load: () => Promise<ChannelAdapter>,
): ChannelAdapter {
  let loaded: Promise<ChannelAdapter> | undefined;
  const adapter = () => (loaded ??= load());
  return {
    network,
    capabilities,
    verify: async (ctx) => (await adapter()).verify(ctx),
    publish: async (input, ctx) => (await adapter()).publish(input, ctx),
    find: async (input, ctx, since) => (await adapter()).find(input, ctx, since),
    remove: async (published, ctx) => (await adapter()).remove(published, ctx),
  };
}
