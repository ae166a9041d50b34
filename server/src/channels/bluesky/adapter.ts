import { type Agent, AtUri } from '@atproto/api';
import {
  type AccountInfo,
  type ChannelAdapter,
  type Published,
  type PublishInput,
  RejectedError,
} from '../contract.ts';
import { BLUESKY_CAPABILITIES } from './capabilities.ts';
import { blueskyError } from './errors.ts';
import { fetchInbox } from './inbox.ts';
import { moderationLinks } from './inbox-links.ts';
import { hideReply, replyTarget } from './inbox-reply.ts';
import { postRecord, type StrongRef } from './post-record.ts';
import { postRecordKey } from './record-key.ts';
import { type BlueskySession, withSession } from './session.ts';

// Bluesky through its PDS (bsky.social or a self-hosted one named in credentials.service).
// Credentials: { service, identifier, appPassword }. Every part of a post is written under a
// record key derived from the idempotency key, so retries find instead of duplicate.
// The community inbox (notifications, answers, hidden replies) lives in inbox*.ts.

const POST = 'app.bsky.feed.post';

const CAPABILITIES = BLUESKY_CAPABILITIES;

export function blueskyAdapter(): ChannelAdapter {
  return {
    network: 'bluesky',
    capabilities: () => CAPABILITIES,

    verify: (ctx) => withSession(ctx, (s) => accountInfo(s, ctx.signal)),

    publish: (input, ctx) => withSession(ctx, (s) => writeChain(s, input, null, ctx.signal)),

    find: (input, ctx) =>
      withSession(ctx, async (s) => {
        const refs: StrongRef[] = [];
        for (let index = 0; index < input.parts.length; index += 1) {
          const ref = await existing(s, postRecordKey(input.idempotencyKey, input.createdAt, index), ctx.signal);
          // A thread cut short by a crash counts as not published: publish() completes it
          // and reuses the parts that are there.
          if (!ref) return null;
          refs.push(ref);
        }
        return refs.length > 0 ? published(s, refs) : null;
      }),

    remove: (post, ctx) =>
      withSession(ctx, async (s) => {
        // Replies first, so nobody sees a thread without its start; deleting a gone record is a no-op.
        for (const uri of [...post.parts].reverse()) {
          const at = new AtUri(uri);
          await s.agent.com.atproto.repo.deleteRecord(
            { repo: at.host, collection: at.collection, rkey: at.rkey },
            { signal: ctx.signal },
          );
        }
      }),

    fetchInbox: (cursor, ctx) => withSession(ctx, (s) => fetchInbox(s, cursor, ctx.signal)),

    // The same record keys as publish, so answering twice with one key leaves one answer.
    reply: (to, input, ctx) => withSession(ctx, (s) => writeChain(s, input, replyTarget(to), ctx.signal)),

    hide: (item, ctx) => withSession(ctx, (s) => hideReply(s, item, ctx.signal)),

    moderationLinks: (item) => moderationLinks(item),
  };
}

/**
 * Writes the parts of a post as a reply chain, each under the record key derived from the
 * idempotency key. `start` places the first part under someone's post (an answer); the later
 * parts answer the part before, in the same thread.
 */
async function writeChain(
  s: BlueskySession,
  input: PublishInput,
  start: { root: StrongRef; parent: StrongRef } | null,
  signal?: AbortSignal,
): Promise<Published> {
  // The engine checks these against capabilities(); dropping images silently would be worse.
  if (input.parts.length === 0) throw new RejectedError('nothing to publish', 'no text parts');
  if (input.media.length > CAPABILITIES.maxImages) {
    throw new RejectedError('too many images', `Bluesky takes at most ${CAPABILITIES.maxImages} images`);
  }
  const refs: StrongRef[] = [];
  for (let index = 0; index < input.parts.length; index += 1) {
    const rkey = postRecordKey(input.idempotencyKey, input.createdAt, index);
    const root = start?.root ?? refs[0];
    const parent = index === 0 ? start?.parent : refs[index - 1];
    const thread = root && parent ? { root, parent } : null;
    refs.push(await createOnce(s, rkey, input, index, thread, signal));
  }
  return published(s, refs);
}

/**
 * Writes one part under its fixed record key. A PDS that already has that key answers with a
 * 500 (its repository tree refuses the second value), and a lost answer looks like a network
 * error; in both cases the record may be there, so we look before giving up.
 */
async function createOnce(
  s: BlueskySession,
  rkey: string,
  input: PublishInput,
  index: number,
  thread: { root: StrongRef; parent: StrongRef } | null,
  signal?: AbortSignal,
): Promise<StrongRef> {
  try {
    const record = await postRecord(s.agent, input, index, thread, signal);
    const res = await s.agent.com.atproto.repo.createRecord(
      { repo: s.did, collection: POST, rkey, record },
      { signal },
    );
    return { uri: res.data.uri, cid: res.data.cid };
  } catch (error) {
    const mapped = blueskyError(error);
    if (mapped.kind !== 'transient' || mapped.retryAfterMs !== null) throw mapped;
    const found = await existing(s, rkey, signal).catch(() => null);
    if (found) return found;
    throw mapped;
  }
}

async function existing(s: BlueskySession, rkey: string, signal?: AbortSignal): Promise<StrongRef | null> {
  try {
    const res = await s.agent.com.atproto.repo.getRecord({ repo: s.did, collection: POST, rkey }, { signal });
    return res.data.cid ? { uri: res.data.uri, cid: res.data.cid } : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'error' in error && error.error === 'RecordNotFound';
}

function published(s: BlueskySession, refs: StrongRef[]): Published {
  const first = refs[0] as StrongRef;
  const who = s.handle && s.handle !== 'handle.invalid' ? s.handle : s.did;
  return {
    remoteId: first.uri,
    url: `https://bsky.app/profile/${who}/post/${new AtUri(first.uri).rkey}`,
    parts: refs.map((r) => r.uri),
  };
}

async function accountInfo(s: BlueskySession, signal?: AbortSignal): Promise<AccountInfo> {
  return {
    id: s.did,
    handle: s.handle,
    displayName: await displayName(s.agent, s.did, signal),
    url: `https://bsky.app/profile/${s.handle}`,
  };
}

/** From the profile record in the account's own repository, so no AppView is needed. */
async function displayName(agent: Agent, did: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const res = await agent.com.atproto.repo.getRecord(
      { repo: did, collection: 'app.bsky.actor.profile', rkey: 'self' },
      { signal },
    );
    const value = res.data.value as { displayName?: unknown };
    return typeof value.displayName === 'string' && value.displayName !== '' ? value.displayName : null;
  } catch {
    return null;
  }
}
