import { z } from 'zod';
import { idSchema } from './common.ts';

export const MAIL_STATUSES = ['outbox', 'sent', 'failed'] as const;

export const outboxMailSchema = z.object({
  id: idSchema,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(MAIL_STATUSES),
  error: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;
