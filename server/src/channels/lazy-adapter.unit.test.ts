import { describe, expect, it } from 'vitest';
import { createRegistry } from './registry.ts';

describe('the registry’s lazy Bluesky adapter', () => {
  it('answers capabilities and moderation links without loading @atproto/api', () => {
    const bluesky = createRegistry().bluesky;
    expect(bluesky.capabilities({})).toMatchObject({ maxChars: 300, inbox: true, hideReplies: true });
    const links = bluesky.moderationLinks?.(
      {
        remoteId: 'at://did:plc:abc/app.bsky.feed.post/3kxyz',
        rootRemoteId: null,
        parentRemoteId: null,
        conversationId: null,
        kind: 'reply',
        raw: {},
        authorHandle: 'troll.example',
      },
      { credentials: {}, settings: {}, channelId: 'c', publicUrl: 'http://nahbar.test' },
    );
    expect(links).toEqual({ mute: null, block: null, report: 'https://bsky.app/profile/troll.example/post/3kxyz' });
  });
});
