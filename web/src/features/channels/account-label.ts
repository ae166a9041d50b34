import type { Channel } from '@nahbar/common';

/**
 * What identifies the account to people: the website for a feed, @handle for Bluesky, the full
 * @user@instance for Mastodon (a bare @user means nothing outside its own instance).
 */
export function accountLabel(channel: Channel): string | null {
  if (channel.feed) return channel.feed.siteUrl;
  const handle = channel.account.handle?.replace(/^@/, '');
  if (!handle) return null;
  if (channel.network === 'mastodon' && !handle.includes('@') && channel.account.url) {
    try {
      return `@${handle}@${new URL(channel.account.url).host}`;
    } catch {
      return `@${handle}`;
    }
  }
  return `@${handle}`;
}
