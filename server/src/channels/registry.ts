import type { NetworkId } from '@nahbar/common';
import { blueskyAdapter } from './bluesky/adapter.ts';
import type { ChannelAdapter } from './contract.ts';
import { feedAdapter } from './feed/adapter.ts';
import { mastodonAdapter } from './mastodon/adapter.ts';

export type Registry = Record<NetworkId, ChannelAdapter>;

/** The explicit map network → adapter. Tests pass their own registry through Deps. */
export function createRegistry(): Registry {
  return { bluesky: blueskyAdapter(), mastodon: mastodonAdapter(), feed: feedAdapter() };
}
