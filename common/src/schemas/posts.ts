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
  /** This channel's variant; the post's text when absent. */
  text: z.string().max(20_000).optional(),
  contentWarning: z.string().trim().max(500).optional(),
  visibility: visibilitySchema.default('public'),
});

export const postMediaInputSchema = z.strictObject({
  mediaId: idSchema,
  /** Alt text is required: public bodies must make their posts accessible. */
  alt: z.string().trim().min(1).max(1500),
});

export const whenSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('draft') }),
  z.strictObject({ mode: z.literal('now') }),
  z.strictObject({ mode: z.literal('at'), at: isoDate }),
]);

export const createPostSchema = z.strictObject({
  text: z.string().max(20_000),
  language: languageSchema.optional(),
  media: z.array(postMediaInputSchema).max(4).default([]),
  targets: z.array(targetInputSchema).min(1).max(20),
  when: whenSchema,
});
export type CreatePostInput = z.input<typeof createPostSchema>;

export const targetErrorSchema = z.object({
  kind: z.enum(['transient', 'auth', 'rejected', 'consent', 'late', 'internal']),
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
  error: targetErrorSchema.nullable(),
  /** A takedown was asked for; the job is doing it (or its error says why not). */
  takedownRequestedAt: isoDate.nullable(),
  takenDownAt: isoDate.nullable(),
});
export type PostTarget = z.infer<typeof postTargetSchema>;

export const postSchema = z.object({
  id: idSchema,
  text: z.string(),
  language: languageSchema.nullable(),
  media: z.array(z.object({ mediaId: idSchema, alt: z.string(), url: z.string() })),
  authorId: idSchema.nullable(),
  createdAt: isoDate,
  targets: z.array(postTargetSchema),
});
export type Post = z.infer<typeof postSchema>;

export const scheduleTargetSchema = z.strictObject({ when: whenSchema });

export const mediaSchema = z.object({
  id: idSchema,
  mime: z.string(),
  width: z.int(),
  height: z.int(),
  size: z.int(),
  url: z.string(),
  createdAt: isoDate,
});
export type Media = z.infer<typeof mediaSchema>;
