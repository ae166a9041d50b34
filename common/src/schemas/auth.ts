import { z } from 'zod';
import { ROLES } from '../rules/roles.ts';
import { emailSchema, idSchema, languageSchema, nameSchema, passwordSchema, timeZoneSchema } from './common.ts';

export const roleSchema = z.enum(ROLES);
export const rolesSchema = z
  .array(roleSchema)
  .min(1)
  .max(ROLES.length)
  .transform((roles) => [...new Set(roles)]);

export const organisationInputSchema = z.strictObject({
  name: nameSchema,
  timeZone: timeZoneSchema.default('Europe/Berlin'),
  language: languageSchema.default('de'),
});
export type OrganisationInput = z.input<typeof organisationInputSchema>;

export const setupStatusSchema = z.object({ needed: z.boolean() });

export const setupInputSchema = z.strictObject({
  organisation: organisationInputSchema,
  owner: z.strictObject({
    name: nameSchema,
    email: emailSchema,
    password: passwordSchema,
  }),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const loginInputSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginInput = z.input<typeof loginInputSchema>;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  language: languageSchema,
  totpEnabled: z.boolean(),
  instanceAdmin: z.boolean(),
  lastOrgId: idSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const membershipSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  timeZone: z.string(),
  language: languageSchema,
  roles: z.array(roleSchema),
});
export type MembershipSummary = z.infer<typeof membershipSummarySchema>;

/** What the web app needs after sign-in. csrfToken goes into the x-csrf-token header. */
export const sessionSchema = z.object({
  user: userSchema,
  organisations: z.array(membershipSummarySchema),
  csrfToken: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const updateMeSchema = z.strictObject({
  name: nameSchema.optional(),
  language: languageSchema.optional(),
  lastOrgId: idSchema.optional(),
});

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export const passwordResetConfirmSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});

export const totpSetupSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export const totpCodeSchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const totpDisableSchema = z.strictObject({
  password: z.string().min(1).max(256),
  code: z.string().regex(/^\d{6}$/),
});
