import { type Channel, type PiiFinding, type PiiScanOptions, scanText } from '@nahbar/common';
import type { ComposerDraft } from './composer-draft.ts';

// The composer's live PII check: the base text and each channel's own version, scanned in the
// browser with the organisation's register names and words, so warnings follow every keystroke.

export type PiiSource = { kind: 'base' } | { kind: 'channel'; channelId: string; name: string };
export type ScannedText = { source: PiiSource; text: string; findings: PiiFinding[] };

export function scanDraft(draft: ComposerDraft, chosen: readonly Channel[], options: PiiScanOptions): ScannedText[] {
  const texts: { source: PiiSource; text: string }[] = [{ source: { kind: 'base' }, text: draft.text }];
  for (const channel of chosen) {
    const own = draft.variants[channel.id];
    if (own != null) texts.push({ source: { kind: 'channel', channelId: channel.id, name: channel.name }, text: own });
  }
  return texts.map((t) => ({ ...t, findings: scanText(t.text, options) })).filter((t) => t.findings.length > 0);
}

/** A finding with some words around it, cut at word boundaries, for the list. */
export function excerpt(text: string, finding: Pick<PiiFinding, 'start' | 'end'>, radius = 30) {
  let from = Math.max(0, finding.start - radius);
  let to = Math.min(text.length, finding.end + radius);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = Math.max(finding.end, text.lastIndexOf(' ', to));
  const clean = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '… ' : '') + clean(text.slice(Math.min(from, finding.start), finding.start)).trimStart(),
    match: text.slice(finding.start, finding.end),
    after: clean(text.slice(finding.end, to)).trimEnd() + (to < text.length ? ' …' : ''),
  };
}

/** Register people the texts name, once each, in the order they first appear. */
export function namedInText(scanned: readonly ScannedText[]): string[] {
  const ids = scanned.flatMap((s) => s.findings.filter((f) => f.personId).map((f) => f.personId!));
  return [...new Set(ids)];
}
