import type { PostTimeline } from '@nahbar/common';
import type { TFunction } from 'i18next';

// "Verlauf des Beitrags": each audit event as one German sentence. Unknown actions still get a
// sentence (with the raw action), so a new event type never leaves a blank line.

export type TimelineItem = PostTimeline['items'][number];

/** The step a review event is about, when the server names it. */
function stepName(details: Record<string, unknown>): string | null {
  for (const key of ['stepName', 'step']) {
    const value = details[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

export function timelineSentence(t: TFunction<'posts'>, item: TimelineItem): string {
  const step = stepName(item.details);
  const context = item.channelName ? 'channel' : step ? 'step' : undefined;
  // Actions come from the server's audit log: keys are looked up at run time, unknown ones fall back.
  const key = `review.timeline.actions.${item.action}` as 'review.timeline.actions.post.created';
  return t(key, {
    context,
    actor: item.actorName ?? t('review.timeline.system'),
    channel: item.channelName ?? '',
    step: step ?? '',
    defaultValue: t('review.timeline.other', {
      actor: item.actorName ?? t('review.timeline.system'),
      action: item.action,
    }),
  });
}
