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
  /** Synchronous, so it must come from a light module rather than the loaded adapter. */
  moderationLinks?: ChannelAdapter['moderationLinks'],
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
    // Optional methods: callers check capabilities (inbox, hideReplies) before using them.
    fetchInbox: async (cursor, ctx) => required(await adapter(), 'fetchInbox')(cursor, ctx),
    reply: async (to, input, ctx) => required(await adapter(), 'reply')(to, input, ctx),
    hide: async (item, ctx) => required(await adapter(), 'hide')(item, ctx),
    ...(moderationLinks && { moderationLinks }),
  };
}

function required<K extends 'fetchInbox' | 'reply' | 'hide'>(
  adapter: ChannelAdapter,
  name: K,
): NonNullable<ChannelAdapter[K]> {
  const method = adapter[name];
  if (!method) throw new Error(`${adapter.network} has no ${name}`);
  return method.bind(adapter) as NonNullable<ChannelAdapter[K]>;
}
