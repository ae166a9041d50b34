import type { NetworkId } from '@nahbar/common';
import { IconBrandBluesky, IconBrandMastodon, IconRss } from '@tabler/icons-react';

const ICONS = { bluesky: IconBrandBluesky, mastodon: IconBrandMastodon, feed: IconRss } as const;

/** Decorative: the network's name is always written next to it. */
export function NetworkIcon({ network, size = 22 }: { network: NetworkId; size?: number }) {
  const Icon = ICONS[network];
  return <Icon size={size} aria-hidden stroke={1.7} />;
}
