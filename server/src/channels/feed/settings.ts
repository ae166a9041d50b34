import { z } from 'zod';

/** What a website feed channel keeps in channels.settings (set when it is connected). */
export const feedSettingsSchema = z.object({
  title: z.string().trim().min(1),
  siteUrl: z.url({ protocol: /^https?$/ }),
  // The connect flow stores null when there is none.
  description: z.string().nullish(),
  language: z.string().min(2).default('de'),
});
export type FeedSettings = z.infer<typeof feedSettingsSchema>;

/** Settings as stored, or null when they are unusable (the caller decides what that means). */
export function parseFeedSettings(settings: Record<string, unknown>): FeedSettings | null {
  const parsed = feedSettingsSchema.safeParse(settings);
  return parsed.success ? parsed.data : null;
}
