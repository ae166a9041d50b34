import type { CreatePostInput, Media, Post, UpdatePostInput } from '@nahbar/common';
import { isoToZonedWallTime, type WallTime, zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';

export type DraftMedia = {
  mediaId: string;
  kind: 'image' | 'video';
  url: string;
  thumbUrl: string | null;
  /** Known when picked from the library; a saved post only tells us the link. */
  name: string | null;
  size: number | null;
  durationMs: number | null;
  alt: string;
  captionMediaId: string | null;
};

/** What the composer edits: one base text and, per chosen channel, an optional own version. */
export type ComposerDraft = {
  text: string;
  channelIds: string[];
  /** channelId → the channel's own text; absent or null: it uses the base text. */
  variants: Record<string, string | null>;
  contentWarnings: Record<string, string>;
  media: DraftMedia[];
  tags: string[];
  /** Drafts: the day (and time) the calendar shows them on, in the organisation's zone. */
  planned: WallTime | null;
  templateId?: string;
};

export const emptyDraft = (): ComposerDraft => ({
  text: '',
  channelIds: [],
  variants: {},
  contentWarnings: {},
  media: [],
  tags: [],
  planned: null,
});

export function mediaFromLibrary(item: Media): DraftMedia {
  return {
    mediaId: item.id,
    kind: item.kind === 'video' ? 'video' : 'image',
    url: item.url,
    thumbUrl: item.thumbUrl,
    name: item.originalName,
    size: item.size,
    durationMs: item.durationMs,
    alt: item.alt ?? '',
    captionMediaId: null,
  };
}

export function draftFromPost(post: Post, timeZone: string): ComposerDraft {
  return {
    text: post.text,
    channelIds: post.targets.map((t) => t.channelId),
    variants: Object.fromEntries(post.targets.filter((t) => t.text !== null).map((t) => [t.channelId, t.text])),
    contentWarnings: Object.fromEntries(post.targets.map((t) => [t.channelId, t.contentWarning ?? ''])),
    media: post.media.map((m) => ({
      mediaId: m.mediaId,
      kind: m.kind,
      url: m.url,
      thumbUrl: m.thumbUrl,
      name: null,
      size: null,
      durationMs: null,
      alt: m.alt,
      captionMediaId: m.captionMediaId,
    })),
    tags: post.tags,
    planned: post.plannedAt ? isoToZonedWallTime(post.plannedAt, timeZone) : null,
  };
}

/** The text a channel will get: its own version, or the base text. */
export const effectiveText = (draft: ComposerDraft, channelId: string): string =>
  draft.variants[channelId] ?? draft.text;

function targets(draft: ComposerDraft) {
  return draft.channelIds.map((channelId) => ({
    channelId,
    text: draft.variants[channelId] ?? null,
    contentWarning: draft.contentWarnings[channelId]?.trim() || undefined,
    visibility: 'public' as const,
  }));
}

const media = (draft: ComposerDraft) =>
  draft.media.map((m) => ({ mediaId: m.mediaId, alt: m.alt.trim(), captionMediaId: m.captionMediaId }));

const plannedAt = (draft: ComposerDraft, timeZone: string) =>
  draft.planned?.date ? zonedWallTimeToIso(draft.planned, timeZone) : null;

export function toCreateInput(
  draft: ComposerDraft,
  when: CreatePostInput['when'],
  language: CreatePostInput['language'],
  timeZone: string,
): CreatePostInput {
  return {
    text: draft.text,
    language,
    media: media(draft),
    targets: targets(draft),
    when,
    tags: draft.tags,
    plannedAt: when.mode === 'draft' ? plannedAt(draft, timeZone) : null,
    templateId: draft.templateId,
  };
}

export function toUpdateInput(draft: ComposerDraft, baseVersion: number, timeZone: string): UpdatePostInput {
  return {
    baseVersion,
    text: draft.text,
    media: media(draft),
    targets: targets(draft),
    tags: draft.tags,
    plannedAt: plannedAt(draft, timeZone),
  };
}

/** A post can be saved as a draft once it has somewhere to go. */
export const savable = (draft: ComposerDraft): boolean => draft.channelIds.length > 0;
