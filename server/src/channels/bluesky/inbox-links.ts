import type { InboxRef, ModerationLinks } from '../contract.ts';

// No @atproto/api here: moderation links are pure, so they can be answered without loading
// the adapter. Muting and blocking are account actions in the Bluesky app (on the author's
// profile) with no page of their own to link; "Report post" lives in the post's menu.

export function moderationLinks(item: InboxRef & { authorHandle: string }): ModerationLinks {
  const did = item.remoteId.replace(/^at:\/\//, '').split('/')[0] ?? '';
  return { mute: null, block: null, report: postUrl(item.authorHandle, did, item.remoteId) };
}

/** The bsky.app page of a post; the DID stands in for a handle that does not resolve. */
export function postUrl(handle: string, did: string, uri: string): string {
  const rkey = uri.split('/').pop() ?? '';
  return `https://bsky.app/profile/${profileName(handle, did)}/post/${rkey}`;
}

export function profileName(handle: string, did: string): string {
  return handle && handle !== 'handle.invalid' ? handle : did;
}
