import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { channels, inboxEvidence, organisations, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { ItemRow } from './view.ts';

// "Hide, don't delete": before any moderation action the item is documented as it was, in a
// page that opens anywhere without the network (no external resources, no scripts), for a
// possible complaint or report to the police or a reporting office.

export type EvidenceRow = typeof inboxEvidence.$inferSelect;

export type Snapshot = {
  organisation: string;
  timeZone: string;
  channel: string;
  network: string;
  item: Pick<ItemRow, 'id' | 'kind' | 'remoteId' | 'url' | 'text' | 'authorId' | 'authorHandle' | 'authorName'> & {
    receivedAt: Date;
    raw: unknown;
  };
  action: string;
  reason: string;
  capturedAt: Date;
  capturedBy: string | null;
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function zoned(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('de-DE', {
    timeZone,
    dateStyle: 'full',
    timeStyle: 'long',
  }).format(at);
  return `${text} (${timeZone})`;
}

/** Both clocks: UTC is unambiguous for an authority, the local time is what people saw. */
const times = (at: Date, timeZone: string) => `${at.toISOString()} UTC · ${zoned(at, timeZone)}`;

export function renderEvidenceHtml(s: Snapshot): string {
  const row = (label: string, value: string | null) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${value === null ? '—' : escapeHtml(value)}</td></tr>`;
  const author = s.item.authorName ? `${s.item.authorName} (@${s.item.authorHandle})` : `@${s.item.authorHandle}`;
  const rows = [
    row('Organisation', s.organisation),
    row('Kanal / Channel', `${s.channel} (${s.network})`),
    row('Art / Kind', s.item.kind),
    row('Autor:in / Author', author),
    row('Konto-ID / Account id', s.item.authorId),
    row('Verfasst / Written', times(s.item.receivedAt, s.timeZone)),
    row('Adresse / URL', s.item.url),
    row('ID beim Netzwerk / Remote id', s.item.remoteId),
    row('Gesichert / Captured', times(s.capturedAt, s.timeZone)),
    row('Gesichert von / Captured by', s.capturedBy),
    row('Anlass / Action', s.action),
    row('Begründung / Reason', s.reason),
  ].join('\n');
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Beweissicherung – ${escapeHtml(author)} – ${escapeHtml(s.capturedAt.toISOString())}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:52rem;padding:0 1rem;color:#111;line-height:1.5}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{width:16rem;background:#f2f2f2}blockquote{white-space:pre-wrap;border-left:4px solid #555;margin:1rem 0;padding:.5rem 1rem;background:#fafafa}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:1rem;font-size:.85rem}
</style>
</head>
<body>
<h1>Beweissicherung / Evidence record</h1>
<p>Dieses Dokument hält einen Beitrag so fest, wie er beim Netzwerk stand. / This document records an item as it stood at the network.</p>
<h2>Text</h2>
<blockquote>${escapeHtml(s.item.text)}</blockquote>
<table>
${rows}
</table>
<h2>Originaldaten des Netzwerks / The network’s raw record</h2>
<pre>${escapeHtml(JSON.stringify(s.item.raw, null, 2) ?? 'null')}</pre>
</body>
</html>
`;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Stores the evidence in its own committed transaction, before the caller talks to the
 * network: whatever the network does next, the record exists.
 */
export async function capture(
  deps: Deps,
  actor: Actor & { orgId: string },
  item: ItemRow,
  action: string,
  reason: string,
): Promise<EvidenceRow> {
  const [context] = await deps.db
    .select({
      organisation: organisations.name,
      timeZone: organisations.timeZone,
      channel: channels.name,
      network: channels.network,
    })
    .from(channels)
    .innerJoin(organisations, eq(organisations.id, channels.orgId))
    .where(eq(channels.id, item.channelId));
  if (!context) throw new AppError('not_found');
  const person = actor.userId
    ? (await deps.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actor.userId)))[0]
    : undefined;
  const capturedAt = deps.clock();
  const html = renderEvidenceHtml({
    ...context,
    item,
    action,
    reason,
    capturedAt,
    capturedBy: person ? `${person.name} <${person.email}>` : null,
  });
  const sha256 = sha256Hex(html);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inboxEvidence)
      .values({
        orgId: item.orgId,
        itemId: item.id,
        action,
        reason,
        capturedBy: actor.userId,
        capturedAt,
        text: item.text,
        authorId: item.authorId,
        authorHandle: item.authorHandle,
        remoteUrl: item.url,
        remoteCreatedAt: item.receivedAt,
        snapshotHtml: html,
        raw: item.raw,
        sha256,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      orgId: item.orgId,
      action: 'inbox.evidence_captured',
      targetType: 'inbox_item',
      targetId: item.id,
      details: { evidenceId: row.id, action, reason, sha256, remoteUrl: item.url, authorHandle: item.authorHandle },
    });
    return row;
  });
}

/** "2025-03-04-at-someone.example.html": sortable, and tells the author without opening it. */
export function evidenceFilename(row: Pick<EvidenceRow, 'capturedAt' | 'authorHandle'>): string {
  const day = row.capturedAt.toISOString().slice(0, 10);
  const handle = row.authorHandle.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `beweissicherung-${day}-${handle}.html`;
}
