import { z } from 'zod';
import { networkIdSchema } from './channels.ts';
import { idSchema } from './common.ts';
import { targetStateSchema } from './posts.ts';

const isoDate = z.iso.datetime({ offset: true });
/** A calendar day in the organisation's time zone. */
export const localDateSchema = z.iso.date();
/** A wall-clock time in the organisation's time zone, "10:00". */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** The calendar's window; month view asks for about six weeks, the list view up to 100 days. */
export const calendarQuerySchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  channelId: idSchema.optional(),
  /** One state or several, comma-separated: "scheduled,failed". */
  state: z.string().max(200).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  authorId: idSchema.optional(),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

/** One post at one moment: its targets due (or published) then, or a draft's planned time. */
export const calendarEntrySchema = z.object({
  postId: idSchema,
  at: isoDate,
  /** First words of the text, for the calendar cell. */
  excerpt: z.string(),
  thumbUrl: z.string().nullable(),
  mediaCount: z.int(),
  authorId: idSchema.nullable(),
  authorName: z.string().nullable(),
  tags: z.array(z.string()),
  seriesId: idSchema.nullable(),
  seriesName: z.string().nullable(),
  /** Something in it can still be moved (nothing published or publishing). */
  movable: z.boolean(),
  targets: z.array(
    z.object({
      targetId: idSchema,
      channelId: idSchema,
      channelName: z.string(),
      network: networkIdSchema,
      state: targetStateSchema,
    }),
  ),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

/** Days on which a channel has gone longer than its target interval without a post. */
export const calendarGapSchema = z.object({
  channelId: idSchema,
  /** First and last day of the gap inside the window (inclusive), organisation time zone. */
  from: localDateSchema,
  to: localDateSchema,
  /** The channel's target interval in days (what "too long" means). */
  intervalDays: z.int(),
});
export type CalendarGap = z.infer<typeof calendarGapSchema>;

export const postingSlotSchema = z.strictObject({
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.int().min(1).max(7),
  time: localTimeSchema,
});
export type PostingSlot = z.infer<typeof postingSlotSchema>;
export const putPostingSlotsSchema = z.strictObject({ slots: z.array(postingSlotSchema).max(50) });
export const channelSlotsSchema = z.object({ channelId: idSchema, slots: z.array(postingSlotSchema) });
export type ChannelSlots = z.infer<typeof channelSlotsSchema>;

export const calendarSchema = z.object({
  timeZone: z.string(),
  entries: z.array(calendarEntrySchema),
  gaps: z.array(calendarGapSchema),
  slots: z.array(channelSlotsSchema),
});
export type Calendar = z.infer<typeof calendarSchema>;

/** A Rubrik: a recurring format that puts draft slots into the calendar. */
export const createSeriesSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  /** The draft's starting text. */
  text: z.string().max(20_000).default(''),
  tags: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  channelIds: z.array(idSchema).min(1).max(20),
  weekday: z.int().min(1).max(7),
  time: localTimeSchema,
  /** Every n-th week: 2 = every second Tuesday. */
  intervalWeeks: z.int().min(1).max(12).default(1),
  startsOn: localDateSchema,
  endsOn: localDateSchema.nullish(),
  active: z.boolean().default(true),
});
export const updateSeriesSchema = createSeriesSchema.partial();
export const seriesSchema = z.object({
  id: idSchema,
  name: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  channelIds: z.array(idSchema),
  weekday: z.int(),
  time: z.string(),
  intervalWeeks: z.int(),
  startsOn: localDateSchema,
  endsOn: localDateSchema.nullable(),
  active: z.boolean(),
  /** The next draft slots it has put into the calendar. */
  upcoming: z.array(isoDate),
  createdAt: isoDate,
});
export type Series = z.infer<typeof seriesSchema>;

/** A private ICS subscription; the address with its token is shown once, at creation. */
export const calendarFeedSchema = z.object({
  id: idSchema,
  label: z.string().nullable(),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
});
export const createCalendarFeedSchema = z.strictObject({ label: z.string().trim().max(120).nullish() });
export const createdCalendarFeedSchema = calendarFeedSchema.extend({ url: z.string() });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
