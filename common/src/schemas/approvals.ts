import { z } from 'zod';
import { roleSchema } from './auth.ts';
import { idSchema, nameSchema } from './common.ts';
import { whenSchema } from './posts.ts';

// Approval workflows (Freigaben): policies with ordered steps, chosen per post by rules; a
// review walks a post through the steps. Pure rules in common/rules/approval.ts.

const isoDateTime = z.iso.datetime({ offset: true });

/** Who may decide a step: member roles, or "external" — a reviewer without an account, by link. */
export const stepRoleSchema = z.union([roleSchema, z.literal('external')]);
export type StepRole = z.infer<typeof stepRoleSchema>;

export const approvalStepSchema = z.strictObject({
  name: nameSchema,
  roles: z.array(stepRoleSchema).min(1).max(8),
  /** any: one approval by someone holding one of the roles; all: one approval per listed role, by different people. */
  mode: z.enum(['any', 'all']),
  /** After this many hours in this step the admins are told. */
  deadlineHours: z.int().min(1).max(720).nullable().default(null),
});
export type ApprovalStep = z.infer<typeof approvalStepSchema>;

/** When a policy applies. Several true conditions: any one of them is enough. */
export const policyRulesSchema = z.strictObject({
  always: z.boolean().default(false),
  peopleDepicted: z.boolean().default(false),
  minorsDepicted: z.boolean().default(false),
  /** Campaign tags such as "sensibel" (lower case). */
  tags: z.array(z.string().trim().toLowerCase().min(1).max(60)).max(20).default([]),
  channelIds: z.array(idSchema).max(50).default([]),
  /** The default for contributors' suggestions when nothing stricter matches. */
  contributorDefault: z.boolean().default(false),
});
export type PolicyRules = z.infer<typeof policyRulesSchema>;

export const approvalPolicySchema = z.object({
  id: idSchema,
  name: z.string(),
  steps: z.array(approvalStepSchema),
  rules: policyRulesSchema,
  /** An approver's own small correction after approval keeps the approval. */
  minorEditsKeepApproval: z.boolean(),
  active: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;

export const createPolicySchema = z.strictObject({
  name: nameSchema,
  steps: z.array(approvalStepSchema).min(1).max(6),
  rules: policyRulesSchema,
  minorEditsKeepApproval: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type CreatePolicyInput = z.input<typeof createPolicySchema>;
/** Only what is sent changes (no defaults: a PATCH of the name must not reset the switches). */
export const updatePolicySchema = z.strictObject({
  name: nameSchema.optional(),
  steps: z.array(approvalStepSchema).min(1).max(6).optional(),
  rules: policyRulesSchema.optional(),
  minorEditsKeepApproval: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const REVIEW_STATUSES = ['in_review', 'changes_requested', 'rejected', 'approved', 'withdrawn'] as const;
export const reviewStatusSchema = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export const decisionKindSchema = z.enum(DECISIONS);
export type DecisionKind = z.infer<typeof decisionKindSchema>;

export const reviewDecisionSchema = z.object({
  id: idSchema,
  step: z.int(),
  userId: idSchema.nullable(),
  name: z.string(),
  /** The role this approval counted for (external for a link). */
  role: stepRoleSchema.nullable(),
  decision: decisionKindSchema,
  comment: z.string().nullable(),
  version: z.int(),
  at: isoDateTime,
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** Why someone cannot decide the current step (null: they can). */
export const DECIDE_REFUSALS = ['author', 'not_in_step', 'already_decided', 'role_covered', 'not_open'] as const;

export const reviewSchema = z.object({
  id: idSchema,
  postId: idSchema,
  policyId: idSchema.nullable(),
  policyName: z.string(),
  /** The steps as they were when the post was submitted. */
  steps: z.array(approvalStepSchema),
  status: reviewStatusSchema,
  /** Index into steps; equals steps.length once approved. */
  currentStep: z.int(),
  submittedById: idSchema.nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: isoDateTime,
  submittedVersion: z.int(),
  approvedVersion: z.int().nullable(),
  stepStartedAt: isoDateTime,
  deadlineAt: isoDateTime.nullable(),
  escalatedAt: isoDateTime.nullable(),
  /** What happens on approval: the plan chosen at submission. */
  when: whenSchema.nullable(),
  decisions: z.array(reviewDecisionSchema),
  /** For the asking user. */
  you: z.object({
    canDecide: z.boolean(),
    refusal: z.enum(DECIDE_REFUSALS).nullable(),
    role: stepRoleSchema.nullable(),
  }),
});
export type Review = z.infer<typeof reviewSchema>;

export const submitForReviewSchema = z.strictObject({
  /** The plan to carry out once approved (draft: only approve, an editor plans later). */
  when: whenSchema,
  comment: z.string().trim().max(2000).nullable().default(null),
});
export type SubmitForReviewInput = z.input<typeof submitForReviewSchema>;

export const decideSchema = z
  .strictObject({
    decision: decisionKindSchema,
    comment: z.string().trim().max(2000).nullable().default(null),
    /** The post version the reviewer looked at: a newer one means "look again". */
    baseVersion: z.int().min(1),
  })
  .refine((d) => d.decision === 'approve' || (d.comment ?? '').length > 0, {
    path: ['comment'],
    message: 'a comment is required',
  });
export type DecideInput = z.input<typeof decideSchema>;

/** The "Zur Freigabe" queue: what waits for the asking user. */
export const reviewQueueSchema = z.object({
  items: z.array(
    z.object({
      review: reviewSchema,
      post: z.object({
        id: idSchema,
        excerpt: z.string(),
        authorName: z.string().nullable(),
        channelNames: z.array(z.string()),
        dueAt: isoDateTime.nullable(),
        showsMinor: z.boolean(),
      }),
    }),
  ),
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
/** awaitingMe: posts; repliesAwaitingMe: inbox answers waiting for the viewer's approval. */
export const reviewCountsSchema = z.object({ awaitingMe: z.int(), overdue: z.int(), repliesAwaitingMe: z.int() });

/** Inline comments on the base text or one channel's variant. */
export const postCommentSchema = z.object({
  id: idSchema,
  postId: idSchema,
  /** null: the base text; otherwise the channel whose variant it is about. */
  channelId: idSchema.nullable(),
  /** The passage it is about, as quoted. */
  quote: z.string().nullable(),
  body: z.string(),
  authorName: z.string().nullable(),
  authorId: idSchema.nullable(),
  version: z.int(),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});
export type PostComment = z.infer<typeof postCommentSchema>;
export const createPostCommentSchema = z.strictObject({
  channelId: idSchema.nullable().default(null),
  quote: z.string().trim().max(500).nullable().default(null),
  body: z.string().trim().min(1).max(4000),
});
export const postCommentListSchema = z.object({ items: z.array(postCommentSchema) });

/** The approved version against the current one. */
export const reviewDiffSchema = z.object({
  approvedVersion: z.int().nullable(),
  currentVersion: z.int(),
  fields: z.array(
    z.object({
      /** "text", "tags", "media", or "variant:<channel name>". */
      field: z.string(),
      before: z.string(),
      after: z.string(),
    }),
  ),
});
export type ReviewDiff = z.infer<typeof reviewDiffSchema>;

/** Everything that happened to a post, oldest first. */
export const postTimelineSchema = z.object({
  items: z.array(
    z.object({
      at: isoDateTime,
      action: z.string(),
      actorName: z.string().nullable(),
      channelName: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type PostTimeline = z.infer<typeof postTimelineSchema>;

// ---- external approval links ----

export const createReviewLinkSchema = z.strictObject({
  name: nameSchema,
  expiresInDays: z.int().min(1).max(30).default(7),
});
export const reviewLinkSchema = z.object({
  id: idSchema,
  reviewId: idSchema,
  name: z.string(),
  step: z.int(),
  expiresAt: isoDateTime,
  usedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  /** Only in the answer to creating it. */
  url: z.string().optional(),
});
export type ReviewLink = z.infer<typeof reviewLinkSchema>;

export const publicReviewSchema = z.object({
  organisationName: z.string(),
  reviewerName: z.string(),
  stepName: z.string(),
  state: z.enum(['open', 'decided', 'expired', 'revoked']),
  post: z.object({
    text: z.string(),
    variants: z.array(z.object({ channelName: z.string(), network: z.string(), text: z.string() })),
    media: z.array(z.object({ url: z.string(), alt: z.string() })),
    dueAt: isoDateTime.nullable(),
  }),
  decision: decisionKindSchema.nullable(),
});
export type PublicReview = z.infer<typeof publicReviewSchema>;
export const publicDecideSchema = z
  .strictObject({
    decision: decisionKindSchema,
    comment: z.string().trim().max(2000).nullable().default(null),
  })
  .refine((d) => d.decision === 'approve' || (d.comment ?? '').length > 0, {
    path: ['comment'],
    message: 'a comment is required',
  });
