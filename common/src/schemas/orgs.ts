import { z } from 'zod';
import { roleSchema, rolesSchema } from './auth.ts';
import { emailSchema, idSchema, languageSchema, nameSchema, passwordSchema, timeZoneSchema } from './common.ts';

export const organisationSchema = z.object({
  id: idSchema,
  name: z.string(),
  timeZone: z.string(),
  language: languageSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const updateOrganisationSchema = z.strictObject({
  name: nameSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  language: languageSchema.optional(),
});

export const memberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  joinedAt: z.iso.datetime({ offset: true }),
});
export type Member = z.infer<typeof memberSchema>;

export const updateMemberSchema = z.strictObject({ roles: rolesSchema });

export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  roles: z.array(roleSchema),
  invitedBy: z.string().nullable(),
  expiresAt: z.iso.datetime({ offset: true }),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationSchema = z.strictObject({
  email: emailSchema,
  roles: rolesSchema,
  language: languageSchema.optional(),
});

/** What the invitation link shows before accepting (public, by token). */
export const invitationPreviewSchema = z.object({
  organisationName: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  expiresAt: z.iso.datetime({ offset: true }),
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** New accounts give name + password; existing accounts accept while signed in. */
export const acceptInvitationSchema = z.strictObject({
  name: nameSchema.optional(),
  password: passwordSchema.optional(),
});
