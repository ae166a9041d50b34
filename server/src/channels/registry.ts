import type { NetworkId } from '@nahbar/common';
import { BLUESKY_CAPABILITIES } from './bluesky/capabilities.ts';
import { moderationLinks } from './bluesky/inbox-links.ts';
import type { ChannelAdapter } from './contract.ts';
import { feedAdapter } from './feed/adapter.ts';
import { lazyAdapter } from './lazy-adapter.ts';
import { mastodonAdapter } from './mastodon/adapter.ts';

export type Registry = Record<NetworkId, ChannelAdapter>;

/** The explicit map network → adapter. Tests pass their own registry through Deps. */
export function createRegistry(): Registry {
  return {
    // @atproto/api holds every lexicon (~40 MB): loaded with the first Bluesky call.
    bluesky: lazyAdapter(
      'bluesky',
      () => BLUESKY_CAPABILITIES,
      async () => (await import('./bluesky/adapter.ts')).blueskyAdapter(),
      moderationLinks,
    ),
    mastodon: mastodonAdapter(),
    feed: feedAdapter(),
  };
}
