import { z } from 'zod';
import { idSchema } from './common.ts';
import { peopleStatusSchema } from './people.ts';

const isoDate = z.iso.datetime({ offset: true });

// The media library. Images are re-encoded without metadata on upload; videos are kept as
// uploaded after their container was checked; captions are WebVTT (SRT is converted).
export const MEDIA_KINDS = ['image', 'video', 'captions'] as const;
export const mediaKindSchema = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof mediaKindSchema>;

export const mediaSchema = z.object({
  id: idSchema,
  kind: mediaKindSchema,
  mime: z.string(),
  /** Pixels; 0 for captions. */
  width: z.int(),
  height: z.int(),
  size: z.int(),
  /** Videos only. */
  durationMs: z.int().nullable(),
  url: z.string(),
  /** A small preview (images and, where a frame could be had, videos); null otherwise. */
  thumbUrl: z.string().nullable(),
  /** The alt text last used for this item; the composer offers it again. */
  alt: z.string().nullable(),
  originalName: z.string().nullable(),
  /** A blurred copy points at the image it was made from. */
  derivedFrom: idSchema.nullable(),
  /** Who it shows, as reviewed (a new upload or a blurred copy starts unreviewed). */
  people: z.object({ status: peopleStatusSchema, count: z.int() }),
  createdAt: isoDate,
});
export type Media = z.infer<typeof mediaSchema>;

export const mediaListQuerySchema = z.strictObject({
  kind: mediaKindSchema.optional(),
  /** Opaque, from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(40),
});
export const mediaListSchema = z.object({ items: z.array(mediaSchema), nextCursor: z.string().nullable() });
export type MediaList = z.infer<typeof mediaListSchema>;

export const updateMediaSchema = z.strictObject({ alt: z.string().trim().max(2000).nullable() });

/** Rectangles as fractions of the image (0–1), so the editor can work on a scaled preview. */
export const blurRectSchema = z.strictObject({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  width: z.number().gt(0).max(1),
  height: z.number().gt(0).max(1),
});
export const blurMediaSchema = z.strictObject({ rects: z.array(blurRectSchema).min(1).max(20) });
export type BlurMediaInput = z.infer<typeof blurMediaSchema>;
