import type { Published, PublishInput } from '../contract.ts';
import { type Connection, type StatusJson, verifyCredentials } from './connection.ts';
import { sameText } from './status-text.ts';

// After a crash: Mastodon has no lookup by idempotency key, so we read the account's own
// statuses back to the moment the lost attempt started and recognise the post by its text.

/** Clocks of nahbar and the instance may differ a little. */
const CLOCK_SLACK_MS = 5 * 60_000;
const PAGE = 40;
const MAX_PAGES = 10;
/**
 * A thread found only in part is completed by publishing again: the Idempotency-Key brings back
 * the parts that exist. Mastodon keeps keys for an hour, so after this age that would duplicate.
 */
export const RETRYABLE_FOR_MS = 50 * 60_000;

export async function findPublished(conn: Connection, input: PublishInput, since: Date): Promise<Published | null> {
  const me = await verifyCredentials(conn);
  const recent = await statusesSince(conn, me.id, since.getTime() - CLOCK_SLACK_MS);
  const cw = input.contentWarning ?? '';
  const firstText = input.parts[0] ?? '';
  // Oldest first: if the same text went out twice, the first one is ours.
  const head = recent
    .filter(
      (s) =>
        s.in_reply_to_id === null &&
        !s.reblog &&
        s.spoiler_text === cw &&
        s.media_attachments.length === input.media.length &&
        sameText(s.content, firstText),
    )
    .at(-1);
  if (!head) return null;

  const chain = [head];
  for (const text of input.parts.slice(1)) {
    const parent = chain.at(-1) as StatusJson;
    const reply = recent.findLast((s) => s.in_reply_to_id === parent.id && sameText(s.content, text));
    if (!reply) break;
    chain.push(reply);
  }
  if (chain.length < input.parts.length && Date.now() - Date.parse(head.created_at) < RETRYABLE_FOR_MS) return null;
  return { remoteId: head.id, url: head.url ?? head.uri, parts: chain.map((s) => s.id) };
}

/** The account's statuses (newest first) created at or after `floorMs`, paging with max_id. */
async function statusesSince(conn: Connection, accountId: string, floorMs: number): Promise<StatusJson[]> {
  const out: StatusJson[] = [];
  let maxId: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: String(PAGE), exclude_reblogs: 'true' });
    if (maxId) query.set('max_id', maxId);
    const { body } = await conn.call<StatusJson[]>(
      `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses?${query}`,
    );
    const list = Array.isArray(body) ? body : [];
    for (const status of list) {
      if (Date.parse(status.created_at) < floorMs) return out;
      out.push(status);
    }
    if (list.length < PAGE) return out;
    maxId = (list.at(-1) as StatusJson).id;
  }
  return out;
}
