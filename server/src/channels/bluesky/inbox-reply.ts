import { AtUri } from '@atproto/api';
import { type InboxRef, RejectedError } from '../contract.ts';
import { threadOf } from './inbox.ts';
import type { StrongRef } from './post-record.ts';
import type { BlueskySession } from './session.ts';

// Answering and hiding address posts by strong reference (uri + cid), which fetchInbox keeps
// in the item's raw record.

const THREADGATE = 'app.bsky.feed.threadgate';
/** The threadgate lexicon's maximum for hiddenReplies. */
const MAX_HIDDEN = 300;

/** Where our answer goes: under the item, in the item's thread (or a new one from a mention). */
export function replyTarget(to: InboxRef): { root: StrongRef; parent: StrongRef } {
  if (to.kind === 'message') throw new RejectedError('cannot answer', 'Bluesky direct messages are not supported');
  const cid = to.raw.cid;
  if (typeof cid !== 'string' || cid === '') {
    throw new RejectedError('cannot answer', 'the item has no cid of the Bluesky post to answer');
  }
  const parent = { uri: to.remoteId, cid };
  const record = to.raw.record as { reply?: unknown } | undefined;
  return { root: threadOf(record?.reply)?.root ?? parent, parent };
}

/**
 * Bluesky hides replies through the threadgate of the thread's first post, which only that
 * post's author can write. We keep the gate's other settings (who may reply) as they are.
 */
export async function hideReply(s: BlueskySession, item: InboxRef, signal?: AbortSignal): Promise<void> {
  const record = item.raw.record as { reply?: unknown } | undefined;
  const root = item.rootRemoteId ?? threadOf(record?.reply)?.root.uri ?? null;
  if (!root) {
    throw new RejectedError('cannot hide', 'only replies in a thread can be hidden, not a post that mentions us');
  }
  const rootUri = new AtUri(root);
  if (rootUri.host !== s.did) {
    throw new RejectedError(
      'cannot hide',
      "Bluesky lets only the thread's author hide replies; this one is under someone else's post",
    );
  }
  // A concurrent change to the gate (in the Bluesky app) makes the swap fail; read and try again.
  for (let attempt = 0; ; attempt += 1) {
    const gate = await currentGate(s, rootUri.rkey, signal);
    const hidden = Array.isArray(gate?.value.hiddenReplies) ? (gate.value.hiddenReplies as string[]) : [];
    if (hidden.includes(item.remoteId)) return;
    if (hidden.length >= MAX_HIDDEN) {
      throw new RejectedError('cannot hide', `Bluesky hides at most ${MAX_HIDDEN} replies per thread`);
    }
    const next = {
      ...gate?.value,
      $type: THREADGATE,
      post: root,
      createdAt: typeof gate?.value.createdAt === 'string' ? gate.value.createdAt : new Date().toISOString(),
      hiddenReplies: [...hidden, item.remoteId],
    };
    try {
      await s.agent.com.atproto.repo.putRecord(
        { repo: s.did, collection: THREADGATE, rkey: rootUri.rkey, record: next, swapRecord: gate?.cid ?? null },
        { signal },
      );
      return;
    } catch (error) {
      if (attempt >= 2 || errorName(error) !== 'InvalidSwap') throw error;
    }
  }
}

async function currentGate(s: BlueskySession, rkey: string, signal?: AbortSignal) {
  try {
    const res = await s.agent.com.atproto.repo.getRecord({ repo: s.did, collection: THREADGATE, rkey }, { signal });
    return { value: res.data.value as Record<string, unknown>, cid: res.data.cid ?? null };
  } catch (error) {
    if (errorName(error) === 'RecordNotFound') return null;
    throw error;
  }
}

function errorName(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'error' in error ? error.error : null;
}
