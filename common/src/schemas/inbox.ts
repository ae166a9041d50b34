import { z } from 'zod';
import { roleSchema } from './auth.ts';
import { networkIdSchema } from './channels.ts';
import { idSchema } from './common.ts';

// The community inbox: comments, mentions and direct messages from every channel.

export const INBOX_CLASSES = ['question', 'praise', 'criticism', 'hostile', 'crisis', 'counselling'] as const;
export const inboxClassSchema = z.enum(INBOX_CLASSES);
export type InboxClass = z.infer<typeof inboxClassSchema>;

export const INBOX_STATUSES = ['open', 'answered', 'no_answer_needed', 'escalated'] as const;
export const inboxStatusSchema = z.enum(INBOX_STATUSES);
export type InboxStatus = z.infer<typeof inboxStatusSchema>;

const isoDate = z.iso.datetime({ offset: true });

/** Why the classifier said what it said: the words or signals it found, with their position. */
export const classSignalSchema = z.object({
  class: inboxClassSchema,
  term: z.string(),
  start: z.int(),
  end: z.int(),
});

export const inboxItemSchema = z.object({
  id: idSchema,
  channelId: idSchema,
  channelName: z.string(),
  network: networkIdSchema,
  kind: z.enum(['reply', 'mention', 'message']),
  remoteId: z.string(),
  url: z.string().nullable(),
  text: z.string(),
  author: z.object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string().nullable(),
    url: z.string().nullable(),
  }),
  receivedAt: isoDate,
  /** Our post this answers, when it does. */
  post: z.object({ id: idSchema, targetId: idSchema, text: z.string(), url: z.string().nullable() }).nullable(),
  classes: z.array(inboxClassSchema),
  /** 0 normal … 3 crisis: crisis items come first. */
  priority: z.int(),
  signals: z.array(classSignalSchema),
  status: inboxStatusSchema,
  assignee: z.object({ id: idSchema, name: z.string() }).nullable(),
  tags: z.array(z.string()),
  dueAt: isoDate.nullable(),
  overdue: z.boolean(),
  answeredAt: isoDate.nullable(),
  /** Measured time to the first answer (or "no answer needed"), for reports. */
  responseMinutes: z.int().nullable(),
  hiddenAt: isoDate.nullable(),
  evidenceCount: z.int(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxFilterSchema = z.strictObject({
  status: inboxStatusSchema.optional(),
  assignedToMe: z.stringbool().optional(),
  overdue: z.stringbool().optional(),
  channelId: idSchema.optional(),
  class: inboxClassSchema.optional(),
  /** Keyset paging: the `next` value of the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const inboxPageSchema = z.object({ items: z.array(inboxItemSchema), next: z.string().nullable() });

/**
 * Replies can need an approval before they go out (inbox settings): "sensitive" for answers to
 * criticism, hostility, crisis and counselling requests, where a wrong word does most harm.
 */
export const REPLY_APPROVAL_MODES = ['off', 'sensitive', 'always'] as const;
export const replyApprovalModeSchema = z.enum(REPLY_APPROVAL_MODES);
export type ReplyApprovalMode = z.infer<typeof replyApprovalModeSchema>;
/** The classes whose answers "sensitive" sends for approval. */
export const SENSITIVE_REPLY_CLASSES: readonly InboxClass[] = ['criticism', 'hostile', 'crisis', 'counselling'];
/** Who may approve replies: any role but viewer and contributor. */
export const replyApproverRoleSchema = roleSchema.exclude(['viewer', 'contributor']);

export const REPLY_STATES = ['pending_approval', 'rejected', 'sending', 'sent', 'failed'] as const;
export const replyStateSchema = z.enum(REPLY_STATES);

export const inboxReplySchema = z.object({
  id: idSchema,
  itemId: idSchema,
  text: z.string(),
  authorName: z.string().nullable(),
  state: replyStateSchema,
  url: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: isoDate,
  /** The approval decision (approved and sent, or rejected with a reason); null while none was made. */
  decision: z
    .object({
      approved: z.boolean(),
      byName: z.string().nullable(),
      at: isoDate,
      comment: z.string().nullable(),
    })
    .nullable(),
  /** Whether the viewer may approve or reject it now (pending, an approver role, not its author). */
  canDecide: z.boolean(),
});
export type InboxReply = z.infer<typeof inboxReplySchema>;

export const replyDecisionInputSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  /** Required when rejecting: the author learns what to change. */
  comment: z.string().trim().max(2000).nullable().default(null),
});
export type ReplyDecisionInput = z.input<typeof replyDecisionInputSchema>;

/** Replies waiting for the viewer's approval, with what they answer (Freigaben page). */
export const pendingRepliesSchema = z.object({
  items: z.array(
    z.object({
      reply: inboxReplySchema,
      item: z.object({
        id: idSchema,
        channelName: z.string(),
        network: networkIdSchema,
        kind: z.enum(['reply', 'mention', 'message']),
        text: z.string(),
        authorHandle: z.string(),
        classes: z.array(inboxClassSchema),
        url: z.string().nullable(),
        /** Our post it answers, when it does. */
        postText: z.string().nullable(),
      }),
    }),
  ),
});
export type PendingReplies = z.infer<typeof pendingRepliesSchema>;

export const inboxThreadSchema = z.object({
  item: inboxItemSchema,
  /** Other items of the same conversation at the network, oldest first. */
  conversation: z.array(inboxItemSchema),
  replies: z.array(inboxReplySchema),
  /** Whether an answer written now goes to approval first, and which roles approve it. */
  replyApproval: z.object({ required: z.boolean(), roles: z.array(replyApproverRoleSchema) }),
  moderation: z.object({
    canHide: z.boolean(),
    links: z.object({ mute: z.string().nullable(), block: z.string().nullable(), report: z.string().nullable() }),
  }),
  evidence: z.array(
    z.object({
      id: idSchema,
      action: z.string(),
      capturedAt: isoDate,
      capturedBy: z.string().nullable(),
      sha256: z.string(),
    }),
  ),
});
export type InboxThread = z.infer<typeof inboxThreadSchema>;

export const updateInboxItemSchema = z.strictObject({
  status: inboxStatusSchema.optional(),
  assigneeId: idSchema.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
});

export const sendReplySchema = z.strictObject({
  text: z.string().trim().min(1).max(5000),
  templateId: idSchema.optional(),
});

/**
 * hide: evidence first, then hidden at the network. capture: evidence only — before a person
 * mutes, blocks or reports through the network's own page (moderation links).
 */
export const moderateSchema = z.strictObject({
  action: z.enum(['hide', 'capture']),
  reason: z.string().trim().min(3).max(1000),
});

export const replyTemplateSchema = z.object({
  id: idSchema,
  name: z.string(),
  body: z.string(),
  updatedAt: isoDate,
});
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;
export const replyTemplateInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  /** Placeholders: {{autor}}, {{organisation}}, {{netiquette}}, {{kanal}} (also {{author}} … in English). */
  body: z.string().trim().min(1).max(5000),
});

export const inboxSettingsSchema = z.object({
  workdayTargetMinutes: z.int().min(5).max(10_080),
  weekendTargetMinutes: z.int().min(5).max(10_080),
  netiquetteUrl: z.url().nullable(),
  crisisProcedure: z.string().max(4000).nullable(),
  /** Where people with a personal problem can talk protected (counselling chat, phone). */
  protectedChannel: z.string().max(1000).nullable(),
  pollMinutes: z.int().min(1).max(1440),
  /** Extra words per class the organisation adds to the built-in lexicons. */
  extraTerms: z.array(z.object({ class: inboxClassSchema, term: z.string().trim().min(2).max(80) })).max(500),
  /** Which answers need an approval before they are sent, and who approves them. */
  replyApproval: replyApprovalModeSchema,
  replyApproverRoles: z.array(replyApproverRoleSchema).min(1).max(5),
});
export type InboxSettings = z.infer<typeof inboxSettingsSchema>;
export const updateInboxSettingsSchema = inboxSettingsSchema.partial().strict();
