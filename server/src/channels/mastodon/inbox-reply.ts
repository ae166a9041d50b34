import { mastodonCount, splitThread } from '@nahbar/common';
import type { InboxRef, ModerationLinks, Published, PublishInput } from '../contract.ts';
import { type Connection, type StatusJson, verifyCredentials } from './connection.ts';
import type { InboxStatusJson } from './inbox.ts';
import type { MastodonSettings } from './instance.ts';

// Answering from the inbox. Mastodon notifies only accounts a status names, and a direct status
// is seen only by the accounts it names, so every part starts with the @mention(s) unless the
// text already has them — what Mastodon's own composer prefills. An answer never becomes more
// public than what it answers (a followers-only question gets a followers-only answer).

const ORDER = ['public', 'unlisted', 'private', 'direct'] as const;
type Visibility = (typeof ORDER)[number];

export async function replyTo(conn: Connection, to: InboxRef, input: PublishInput): Promise<Published> {
  const status = to.raw as Partial<InboxStatusJson>;
  const direct = to.kind === 'message' || status.visibility === 'direct';
  const visibility: Visibility = direct ? 'direct' : stricter(input.visibility, status.visibility);
  const mentions = await addressees(conn, status, direct);
  const parts = addressed(input.parts, mentions, conn.settings, input.contentWarning);
  const language = input.language ? (input.language.split(/[-_]/)[0] ?? '').toLowerCase() : undefined;
  const ids: string[] = [];
  let url: string | null = null;
  for (const [index, text] of parts.entries()) {
    const { body } = await conn.call<StatusJson>('/api/v1/statuses', {
      method: 'POST',
      headers: { 'idempotency-key': `${input.idempotencyKey}:${index}` },
      json: {
        status: text,
        visibility,
        in_reply_to_id: ids.at(-1) ?? to.remoteId,
        spoiler_text: input.contentWarning ?? undefined,
        sensitive: input.contentWarning ? true : undefined,
        language: language || undefined,
      },
    });
    ids.push(body.id);
    if (index === 0) url = body.url ?? body.uri;
  }
  return { remoteId: ids[0] as string, url, parts: ids };
}

/** The author; in a direct conversation also everyone else it names, so no one drops out. */
async function addressees(conn: Connection, status: Partial<InboxStatusJson>, direct: boolean): Promise<string[]> {
  const author = status.account?.acct;
  const out = author ? [`@${author}`] : [];
  const others = (direct ? (status.mentions ?? []) : []).filter((m) => m.acct !== author);
  if (others.length === 0) return out;
  const me = await verifyCredentials(conn);
  for (const m of others) if (m.id !== me.id) out.push(`@${m.acct}`);
  return out;
}

/** Each part prefixed with the mentions it lacks; re-split where the prefix makes it too long. */
export function addressed(
  parts: string[],
  mentions: string[],
  settings: Pick<MastodonSettings, 'maxChars' | 'urlLength'>,
  contentWarning: string | null,
): string[] {
  const count = (t: string) => mastodonCount(t, settings.urlLength);
  const out: string[] = [];
  for (const part of parts) {
    const missing = mentions.filter(
      (m) => !new RegExp(`(^|\\s)${escapeRegExp(m)}(?![\\p{L}\\p{N}_@])`, 'iu').test(part),
    );
    if (missing.length === 0) {
      out.push(part);
      continue;
    }
    const prefix = `${missing.join(' ')} `;
    const room = settings.maxChars - count(contentWarning ?? '') - count(prefix);
    const pieces =
      count(prefix + part) + count(contentWarning ?? '') <= settings.maxChars
        ? [part]
        : splitThread(part, Math.max(room, 1), 'mastodon');
    for (const piece of pieces) out.push(prefix + piece);
  }
  return out;
}

function stricter(a: Visibility, b: string | undefined): Visibility {
  const ib = ORDER.indexOf(b as Visibility);
  return ib > ORDER.indexOf(a) ? (ORDER[ib] as Visibility) : a;
}

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Mute, block and report happen on the instance's own web pages, signed in as the organisation:
 * the profile page's menu mutes, blocks and reports, the status page reports this status. The
 * API could do all three, but a public body must give a reason for a block or a report and
 * decide it consciously, so nahbar links there instead of acting with one click.
 */
export function moderationLinks(
  item: InboxRef & { authorHandle: string },
  settings: MastodonSettings,
): ModerationLinks {
  const origin = settings.instanceUrl ? new URL(settings.instanceUrl).origin : null;
  if (!origin) return { mute: null, block: null, report: null };
  const rawAcct = (item.raw as Partial<InboxStatusJson>).account?.acct;
  const [user, domain] = (rawAcct ?? item.authorHandle.replace(/^@/, '')).split('@');
  // Remote accounts appear on our instance as /@user@their.domain, local ones as /@user.
  const acct = domain && domain !== settings.domain ? `${user}@${domain}` : user;
  const profile = `${origin}/@${acct}`;
  return { mute: profile, block: profile, report: `${profile}/${encodeURIComponent(item.remoteId)}` };
}
