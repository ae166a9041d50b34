import { z } from 'zod';
import { networkIdSchema } from './channels.ts';
import { idSchema, languageSchema } from './common.ts';

// A post has one target per channel. Approval states (in_review, approved) arrive with the
// approval module; `held` means "too late after downtime — a person decides".
export const TARGET_STATES = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'held',
  'cancelled',
  'taken_down',
] as const;
export const targetStateSchema = z.enum(TARGET_STATES);
export type TargetState = z.infer<typeof targetStateSchema>;

const isoDate = z.iso.datetime({ offset: true });

export const visibilitySchema = z.enum(['public', 'unlisted', 'private']);

export const targetInputSchema = z.strictObject({
  channelId: idSchema,
  /** This channel's variant; the post's text when absent (or null: back to the base text). */
  text: z.string().max(20_000).nullish(),
  contentWarning: z.string().trim().max(500).optional(),
  visibility: visibilitySchema.default('public'),
});

export const postMediaInputSchema = z.strictObject({
  mediaId: idSchema,
  /**
   * Alt text. A draft may leave it empty for now; scheduling and publishing refuse an image
   * without it (public bodies must make their posts accessible).
   */
  alt: z.string().trim().max(2000).default(''),
  /** A video's subtitle file (a media item of kind "captions"). */
  captionMediaId: idSchema.nullish(),
});

export const whenSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('draft') }),
  z.strictObject({ mode: z.literal('now') }),
  z.strictObject({ mode: z.literal('at'), at: isoDate }),
  /** Each channel's next free posting slot (channels without slots: refused with a field error). */
  z.strictObject({ mode: z.literal('queue') }),
]);
export type When = z.infer<typeof whenSchema>;

/** Campaign tags ("Sommerfest 2026"): filterable in the calendar, used by reports. */
export const tagSchema = z.string().trim().min(1).max(40);
export const tagsSchema = z.array(tagSchema).max(10);

export const createPostSchema = z.strictObject({
  text: z.string().max(20_000),
  language: languageSchema.optional(),
  media: z.array(postMediaInputSchema).max(4).default([]),
  targets: z.array(targetInputSchema).min(1).max(20),
  when: whenSchema,
  tags: tagsSchema.default([]),
  /** Drafts: the day (and time) the calendar shows them on. */
  plannedAt: isoDate.nullish(),
  /** Started from this template (recorded in the first version). */
  templateId: idSchema.optional(),
});
export type CreatePostInput = z.input<typeof createPostSchema>;

/**
 * Autosave and edits. `baseVersion` is the version the editor started from: a save on top of
 * someone else's newer version is refused (409 version_conflict) instead of overwriting it.
 * `targets`, when given, is the whole set of channels with their variants; published targets
 * keep their text (it is at the network already), removed unpublished targets are deleted.
 */
export const updatePostSchema = z.strictObject({
  baseVersion: z.int().min(1),
  text: z.string().max(20_000).optional(),
  language: languageSchema.nullish(),
  media: z.array(postMediaInputSchema).max(4).optional(),
  targets: z.array(targetInputSchema).min(1).max(20).optional(),
  tags: tagsSchema.optional(),
  plannedAt: isoDate.nullish(),
  /**
   * Keep what was saved before as its own version: this save starts a new one instead of
   * joining the last autosave (a template just replaced the text).
   */
  checkpoint: z.boolean().optional(),
});
export type UpdatePostInput = z.input<typeof updatePostSchema>;

/** Schedule (or queue, or publish now, or back to draft) every unpublished target of a post. */
export const schedulePostSchema = z.strictObject({ when: whenSchema });

/** Calendar drag and drop: every movable target (and the draft's planned time) to `at`. */
export const movePostSchema = z.strictObject({ at: isoDate });

export const targetErrorSchema = z.object({
  kind: z.enum(['transient', 'auth', 'rejected', 'consent', 'approval', 'late', 'internal']),
  message: z.string(),
  /** The network's own text. */
  networkMessage: z.string().nullable(),
  at: isoDate,
});

export const postTargetSchema = z.object({
  id: idSchema,
  channelId: idSchema,
  network: networkIdSchema,
  channelName: z.string(),
  state: targetStateSchema,
  text: z.string().nullable(),
  dueAt: isoDate.nullable(),
  attempts: z.int(),
  publishedAt: isoDate.nullable(),
  remoteUrl: z.string().nullable(),
  contentWarning: z.string().nullable(),
  visibility: visibilitySchema,
  error: targetErrorSchema.nullable(),
  /** A takedown was asked for; the job is doing it (or its error says why not). */
  takedownRequestedAt: isoDate.nullable(),
  takenDownAt: isoDate.nullable(),
});
export type PostTarget = z.infer<typeof postTargetSchema>;

export const postMediaSchema = z.object({
  mediaId: idSchema,
  kind: z.enum(['image', 'video']),
  alt: z.string(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
  width: z.int(),
  height: z.int(),
  captionMediaId: idSchema.nullable(),
});

export const postSchema = z.object({
  id: idSchema,
  text: z.string(),
  language: languageSchema.nullable(),
  media: z.array(postMediaSchema),
  tags: z.array(z.string()),
  /** Goes up with every saved change; the editor sends it back as baseVersion. */
  version: z.int(),
  plannedAt: isoDate.nullable(),
  /** The Rubrik this draft slot was created for. */
  seriesId: idSchema.nullable(),
  authorId: idSchema.nullable(),
  authorName: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  targets: z.array(postTargetSchema),
});
export type Post = z.infer<typeof postSchema>;

/** What a version holds: the post's content as it was saved. */
export const postSnapshotSchema = z.object({
  text: z.string(),
  language: languageSchema.nullable(),
  tags: z.array(z.string()),
  media: z.array(z.object({ mediaId: idSchema, alt: z.string(), captionMediaId: idSchema.nullable() })),
  targets: z.array(
    z.object({
      channelId: idSchema,
      text: z.string().nullable(),
      contentWarning: z.string().nullable(),
      visibility: visibilitySchema,
    }),
  ),
});
export type PostSnapshot = z.infer<typeof postSnapshotSchema>;

export const postVersionSchema = z.object({
  version: z.int(),
  authorId: idSchema.nullable(),
  authorName: z.string().nullable(),
  createdAt: isoDate,
  snapshot: postSnapshotSchema,
});
export type PostVersion = z.infer<typeof postVersionSchema>;

/** Reusable starting points ("Veranstaltungshinweis", "Stellenanzeige"). */
export const createTemplateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  text: z.string().max(20_000),
  tags: tagsSchema.default([]),
  channelIds: z.array(idSchema).max(20).default([]),
});
export const updateTemplateSchema = createTemplateSchema.partial();
export const postTemplateSchema = z.object({
  id: idSchema,
  name: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  channelIds: z.array(idSchema),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type PostTemplate = z.infer<typeof postTemplateSchema>;

export const scheduleTargetSchema = z.strictObject({ when: whenSchema });
