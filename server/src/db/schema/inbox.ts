import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { at, createdAt, tenantId } from './columns.ts';
import { organisations } from './orgs.ts';
import { channels, postTargets } from './publishing.ts';

/** A comment, mention or direct message from a channel. */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    remoteId: text('remote_id').notNull(),
    kind: text('kind').notNull(),
    url: text('url'),
    text: text('text').notNull(),
    authorId: text('author_id').notNull(),
    authorHandle: text('author_handle').notNull(),
    authorName: text('author_name'),
    authorUrl: text('author_url'),
    /** When the network says it was written; the list sorts by it. */
    receivedAt: at('received_at').notNull(),
    fetchedAt: at('fetched_at').notNull().defaultNow(),
    /** Our published target this answers (found through root/parent remote ids). */
    postTargetId: uuid('post_target_id').references(() => postTargets.id, { onDelete: 'set null' }),
    rootRemoteId: text('root_remote_id'),
    parentRemoteId: text('parent_remote_id'),
    conversationId: text('conversation_id'),
    classes: text('classes').array().notNull().default(sql`'{}'::text[]`),
    /** The first class by priority, for filtering with an index. */
    primaryClass: text('primary_class'),
    priority: integer('priority').notNull().default(0),
    signals: jsonb('signals').$type<unknown[]>().notNull().default([]),
    status: text('status').notNull().default('open'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Answer by then (the organisation's response target). */
    dueAt: at('due_at'),
    answeredAt: at('answered_at'),
    responseMs: bigint('response_ms', { mode: 'number' }),
    overdueNotifiedAt: at('overdue_notified_at'),
    hiddenAt: at('hidden_at'),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    /** The network's own record. */
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('inbox_items_channel_remote_key').on(t.channelId, t.remoteId),
    // Keyset lists: newest first within the filters people use.
    index('inbox_items_org_list_idx').on(t.orgId, t.priority.desc(), t.receivedAt.desc(), t.id.desc()),
    index('inbox_items_org_status_idx').on(t.orgId, t.status, t.priority.desc(), t.receivedAt.desc(), t.id.desc()),
    index('inbox_items_org_assignee_idx').on(t.orgId, t.assigneeId, t.status, t.priority.desc(), t.receivedAt.desc()),
    index('inbox_items_org_channel_idx').on(t.orgId, t.channelId, t.priority.desc(), t.receivedAt.desc(), t.id.desc()),
    index('inbox_items_org_class_idx').on(t.orgId, t.primaryClass, t.priority.desc(), t.receivedAt.desc(), t.id.desc()),
    index('inbox_items_overdue_idx').on(t.orgId, t.dueAt).where(sql`${t.status} = 'open'`),
    index('inbox_items_thread_idx').on(t.channelId, t.rootRemoteId),
    check('inbox_items_kind_check', sql`${t.kind} in ('reply', 'mention', 'message')`),
    check('inbox_items_status_check', sql`${t.status} in ('open', 'answered', 'no_answer_needed', 'escalated')`),
  ],
);

/** Where ingest stands per channel. */
export const inboxCursors = pgTable('inbox_cursors', {
  channelId: uuid('channel_id')
    .primaryKey()
    .references(() => channels.id, { onDelete: 'cascade' }),
  orgId: tenantId(),
  cursor: text('cursor'),
  lastFetchedAt: at('last_fetched_at'),
  nextFetchAt: at('next_fetch_at'),
  lastError: text('last_error'),
});

/** Our answers, sent through the channel's adapter. */
export const inboxReplies = pgTable(
  'inbox_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inboxItems.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    templateId: uuid('template_id'),
    text: text('text').notNull(),
    state: text('state').notNull().default('sending'),
    remoteId: text('remote_id'),
    url: text('url'),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
    /** The approval decision, when the organisation's settings asked for one. */
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    approved: boolean('approved'),
    decisionComment: text('decision_comment'),
  },
  (t) => [
    index('inbox_replies_item_idx').on(t.itemId),
    index('inbox_replies_pending_idx').on(t.orgId, t.createdAt).where(sql`${t.state} = 'pending_approval'`),
    check(
      'inbox_replies_state_check',
      sql`${t.state} in ('pending_approval', 'rejected', 'sending', 'sent', 'failed')`,
    ),
  ],
);

export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('reply_templates_org_idx').on(t.orgId)],
);

/** Kept before any moderation action: "hide, don't delete", documented for a complaint. */
export const inboxEvidence = pgTable(
  'inbox_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inboxItems.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    reason: text('reason').notNull(),
    capturedBy: uuid('captured_by').references(() => users.id, { onDelete: 'set null' }),
    capturedAt: at('captured_at').notNull().defaultNow(),
    text: text('text').notNull(),
    authorId: text('author_id').notNull(),
    authorHandle: text('author_handle').notNull(),
    remoteUrl: text('remote_url'),
    remoteCreatedAt: at('remote_created_at').notNull(),
    /** A self-contained HTML page of the item as it was, and the network's raw record. */
    snapshotHtml: text('snapshot_html').notNull(),
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [index('inbox_evidence_item_idx').on(t.itemId)],
);

/** Per organisation: response targets, links and words added to the classifier. */
export const inboxSettings = pgTable('inbox_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  workdayTargetMinutes: integer('workday_target_minutes').notNull().default(180),
  weekendTargetMinutes: integer('weekend_target_minutes').notNull().default(1440),
  netiquetteUrl: text('netiquette_url'),
  crisisProcedure: text('crisis_procedure'),
  protectedChannel: text('protected_channel'),
  pollMinutes: integer('poll_minutes').notNull().default(5),
  extraTerms: jsonb('extra_terms').$type<{ class: string; term: string }[]>().notNull().default([]),
  replyApproval: text('reply_approval').notNull().default('off'),
  replyApproverRoles: text('reply_approver_roles').array().notNull().default(['approver']),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
