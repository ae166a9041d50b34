import { z } from 'zod';

export const LANGUAGES = ['de', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const idSchema = z.uuid();
// Trimmed and lower-cased before the format check: phones and password managers add spaces
// and capitals, and " Eva@Example.org" is still Eva's address.
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
// NIST 800-63B: length matters, composition rules do not. Cap for argon2 input size.
export const passwordSchema = z.string().min(10).max(256);
export const nameSchema = z.string().trim().min(1).max(120);

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

/** The one error body every route returns. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const fieldErrorSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'error']),
  db: z.enum(['ok', 'error']),
});
