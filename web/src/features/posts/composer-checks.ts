import type { Channel } from '@nahbar/common';
import { checkPost, type PostIssue } from '@nahbar/common/rules/post-check';
import { countText, splitThread } from '@nahbar/common/rules/post-text';
import { type ComposerDraft, effectiveText } from './composer-draft.ts';

export type { PostIssue };
export type CheckMode = 'draft' | 'schedule';

/** Issues sorted by where the composer shows them. */
export type ComposerIssues = {
  all: PostIssue[];
  /** channelId → issues of that channel's target. */
  byChannel: Record<string, PostIssue[]>;
  /** mediaId → issues of that image or video. */
  byMedia: Record<string, PostIssue[]>;
  /** Everything else (about the post as a whole). */
  general: PostIssue[];
  hasErrors: boolean;
};

const belongsTo = (field: string, prefix: string) => field === prefix || field.startsWith(`${prefix}.`);

/** The same checks the server enforces (common/rules/post-check), run live on every change. */
export function checkComposer(draft: ComposerDraft, chosen: Channel[], mode: CheckMode): ComposerIssues {
  const all = checkPost(
    {
      text: draft.text,
      media: draft.media.map((m) => ({
        kind: m.kind,
        alt: m.alt,
        size: m.size ?? 0,
        durationMs: m.durationMs,
        hasCaptions: m.captionMediaId !== null,
      })),
      targets: chosen.map((channel, index) => ({
        field: `targets.${index}`,
        network: channel.network,
        text: effectiveText(draft, channel.id),
        contentWarning: channel.limits.contentWarning ? draft.contentWarnings[channel.id]?.trim() || null : null,
        limits: channel.limits,
        status: channel.status,
      })),
    },
    mode,
  );
  const byChannel: Record<string, PostIssue[]> = {};
  const byMedia: Record<string, PostIssue[]> = {};
  const general: PostIssue[] = [];
  for (const issue of all) {
    const channelIndex = chosen.findIndex((_, i) => belongsTo(issue.field, `targets.${i}`));
    const mediaIndex = draft.media.findIndex((_, i) => belongsTo(issue.field, `media.${i}`));
    const channel = chosen[channelIndex];
    const media = draft.media[mediaIndex];
    if (channel) byChannel[channel.id] = [...(byChannel[channel.id] ?? []), issue];
    else if (media) byMedia[media.mediaId] = [...(byMedia[media.mediaId] ?? []), issue];
    else general.push(issue);
  }
  return { all, byChannel, byMedia, general, hasErrors: all.some((i) => i.severity === 'error') };
}

export type ChannelCount = { count: number; max: number; parts: number; over: boolean };

/** The live counter: Mastodon counts a content warning into every part, as the engine does when it splits. */
export function channelCount(channel: Channel, text: string, contentWarning: string): ChannelCount {
  const { maxChars, counting, threads } = channel.limits;
  const reserve =
    channel.limits.contentWarning && contentWarning.trim() ? countText(contentWarning.trim(), counting) : 0;
  const max = Math.max(1, maxChars - reserve);
  const count = countText(text, counting);
  const parts = threads && text.trim() ? splitThread(text, max, counting).length : 1;
  return { count, max, parts, over: count > max };
}
