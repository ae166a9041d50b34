import type { Channel, PostTemplate } from '@nahbar/common';
import type { ComposerDraft } from './composer-draft.ts';

/** Whether the composer holds words a template would overwrite: base text or any own channel version. */
export const hasWrittenText = (draft: ComposerDraft): boolean =>
  draft.text.trim() !== '' || Object.values(draft.variants).some((variant) => variant != null);

/**
 * The draft after "Vorlage verwenden": the template's text becomes the base text and own versions
 * go back to it (they were written for the old text). Channels at the network keep theirs: what
 * went out there cannot change. Tags add up, at most ten; channels follow the template when it
 * names any this person can use.
 */
export function withTemplate(
  draft: ComposerDraft,
  template: PostTemplate,
  channels: Channel[],
  lockedChannelIds: string[],
): Partial<ComposerDraft> {
  const usable = template.channelIds.filter((id) => channels.some((c) => c.id === id));
  const variants = Object.fromEntries(
    Object.entries(draft.variants).filter(([channelId]) => lockedChannelIds.includes(channelId)),
  );
  return {
    text: template.text,
    variants,
    tags: [...new Set([...draft.tags, ...template.tags])].slice(0, 10),
    channelIds: usable.length > 0 ? [...new Set([...usable, ...lockedChannelIds])] : draft.channelIds,
    templateId: template.id,
  };
}
