import type { Channel } from '@nahbar/common';
import type { Capabilities } from '../../channels/contract.ts';
import type { Deps } from '../../deps.ts';
import { adapterFor, type ChannelRow } from './access.ts';

const DAY_MS = 86_400_000;

/** "stale" once a channel has been silent longer than its target interval. */
export function freshnessOf(row: ChannelRow, now: Date): Channel['freshness'] {
  if (!row.lastPublishedAt) return 'never';
  return now.getTime() - row.lastPublishedAt.getTime() > row.targetIntervalDays * DAY_MS ? 'stale' : 'fresh';
}

export function channelView(deps: Pick<Deps, 'registry' | 'config'>, row: ChannelRow, now: Date): Channel {
  const caps = adapterFor(deps, row.network).capabilities(row.settings);
  const base = `${deps.config.publicUrl}/feeds/${row.id}`;
  return {
    id: row.id,
    network: row.network as Channel['network'],
    name: row.name,
    account: {
      id: row.accountId,
      handle: row.accountHandle,
      displayName: row.accountDisplayName,
      url: row.accountUrl,
    },
    status: row.status as Channel['status'],
    statusMessage: row.statusMessage,
    statusAt: row.statusAt?.toISOString() ?? null,
    lastPublishedAt: row.lastPublishedAt?.toISOString() ?? null,
    lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null,
    targetIntervalDays: row.targetIntervalDays,
    inboxPollMinutes: row.inboxPollMinutes,
    freshness: freshnessOf(row, now),
    limits: limitsOf(caps),
    feed:
      row.network === 'feed'
        ? {
            rss: `${base}/rss.xml`,
            atom: `${base}/atom.xml`,
            json: `${base}/feed.json`,
            siteUrl: String(row.settings.siteUrl ?? ''),
          }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the composer (and checkPost) need to know of a network's capabilities. */
export function limitsOf(caps: Capabilities): Channel['limits'] {
  return {
    maxChars: caps.maxChars,
    counting: caps.counting,
    maxImages: caps.maxImages,
    maxImageBytes: caps.maxImageBytes,
    maxAltChars: caps.maxAltChars,
    video: caps.video,
    threads: caps.threads,
    contentWarning: caps.contentWarning,
  };
}
