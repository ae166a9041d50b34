import type { ApprovalStep, PolicyRules, When } from '@nahbar/common';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { at, createdAt, tenantId } from './columns.ts';
import { channels, posts } from './publishing.ts';

/** An approval policy: ordered steps and the rules that pick it for a post. */
export const approvalPolicies = pgTable(
  'approval_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    name: text('name').notNull(),
    steps: jsonb('steps').$type<ApprovalStep[]>().notNull(),
    rules: jsonb('rules').$type<PolicyRules>().notNull(),
    minorEditsKeepApproval: boolean('minor_edits_keep_approval').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('approval_policies_org_idx').on(t.orgId)],
);

/**
 * One round of review of a post. A restart (edit after approval, resubmission) closes the round
 * and opens a new one, so decisions always belong to the version they looked at.
 */
export const postReviews = pgTable(
  'post_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    policyId: uuid('policy_id').references(() => approvalPolicies.id, { onDelete: 'set null' }),
    policyName: text('policy_name').notNull(),
    /** The steps as they were at submission. */
    steps: jsonb('steps').$type<ApprovalStep[]>().notNull(),
    minorEditsKeepApproval: boolean('minor_edits_keep_approval').notNull().default(false),
    status: text('status').notNull().default('in_review'),
    currentStep: integer('current_step').notNull().default(0),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: at('submitted_at').notNull().defaultNow(),
    submittedVersion: integer('submitted_version').notNull(),
    approvedVersion: integer('approved_version'),
    stepStartedAt: at('step_started_at').notNull().defaultNow(),
    escalatedAt: at('escalated_at'),
    /** The plan to carry out on approval. */
    when: jsonb('when').$type<When>(),
    closedAt: at('closed_at'),
  },
  (t) => [
    index('post_reviews_post_idx').on(t.postId, t.submittedAt),
    index('post_reviews_open_idx').on(t.orgId, t.status).where(sql`${t.closedAt} is null`),
    check(
      'post_reviews_status_check',
      sql`${t.status} in ('in_review','changes_requested','rejected','approved','withdrawn')`,
    ),
  ],
);

export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => postReviews.id, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** A copy of the name (an external reviewer has no account). */
    name: text('name').notNull(),
    role: text('role'),
    decision: text('decision').notNull(),
    comment: text('comment'),
    version: integer('version').notNull(),
    linkId: uuid('link_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('review_decisions_review_idx').on(t.reviewId),
    check('review_decisions_decision_check', sql`${t.decision} in ('approve','request_changes','reject')`),
  ],
);

/** Inline comments on the base text (channel null) or a channel's variant. */
export const postComments = pgTable(
  'post_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    quote: text('quote'),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull(),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('post_comments_post_idx').on(t.postId, t.createdAt)],
);

/** A link for a reviewer without an account: one review, its step at creation, expiring, single use. */
export const reviewLinks = pgTable(
  'review_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => postReviews.id, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    revokedAt: at('revoked_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('review_links_review_idx').on(t.reviewId)],
);
