import type { Box, Guardian, PiiCategory } from '@nahbar/common';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { at, createdAt, tenantId } from './columns.ts';
import { media, posts, postTargets } from './publishing.ts';

/** The register of depicted or named people: pseudonymous (a display name or a code). */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    displayName: text('display_name').notNull(),
    kind: text('kind').notNull(),
    birthDate: date('birth_date'),
    ageBand: text('age_band'),
    guardians: jsonb('guardians').$type<Guardian[]>().notNull().default([]),
    jointCustody: boolean('joint_custody').notNull().default(false),
    /** Privacy officers only. */
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('people_org_name_idx').on(t.orgId, t.displayName),
    check('people_kind_check', sql`${t.kind} in ('client','resident','staff','volunteer','external')`),
    check('people_age_band_check', sql`${t.ageBand} is null or ${t.ageBand} in ('under_14','14_17','adult')`),
    check('people_age_known_check', sql`${t.birthDate} is not null or ${t.ageBand} is not null`),
  ],
);

/** One consent: purpose and scope, validity, who gave it, the evidence (sealed, in the store). */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    networks: text('networks').array().notNull().default(sql`'{}'::text[]`),
    channelIds: uuid('channel_ids').array().notNull().default(sql`'{}'::uuid[]`),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    form: text('form').notNull(),
    givenBy: text('given_by').array().notNull(),
    mediaId: uuid('media_id').references(() => media.id, { onDelete: 'set null' }),
    source: text('source').notNull().default('manual'),
    /** Evidence file: key in the media store, its bytes AES-256-GCM sealed; mime and name alongside. */
    evidenceKey: text('evidence_key'),
    evidenceMime: text('evidence_mime'),
    evidenceName: text('evidence_name'),
    withdrawnOn: date('withdrawn_on'),
    withdrawnBy: text('withdrawn_by'),
    withdrawnHow: text('withdrawn_how'),
    withdrawalNote: text('withdrawal_note'),
    withdrawalRecordedAt: at('withdrawal_recorded_at'),
    /** The expiry reminder went out (30 days ahead), once. */
    reminderSentAt: at('reminder_sent_at'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('consents_person_idx').on(t.personId),
    index('consents_org_until_idx').on(t.orgId, t.validUntil),
    check('consents_purpose_check', sql`${t.purpose} in ('social_media','website','print','press')`),
    check('consents_form_check', sql`${t.form} in ('written','digital')`),
    check('consents_source_check', sql`${t.source} in ('manual','link')`),
    check('consents_valid_check', sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
  ],
);

/** A digital consent link (tokenised, expiring), for one signatory. */
export const consentRequests = pgTable(
  'consent_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    networks: text('networks').array().notNull().default(sql`'{}'::text[]`),
    channelIds: uuid('channel_ids').array().notNull().default(sql`'{}'::uuid[]`),
    validUntil: date('valid_until'),
    signatory: text('signatory').notNull(),
    mediaId: uuid('media_id').references(() => media.id, { onDelete: 'set null' }),
    language: text('language').notNull().default('de'),
    /** sha256 of the token; the token itself is only in the link. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    confirmedAt: at('confirmed_at'),
    confirmedName: text('confirmed_name'),
    confirmedIp: text('confirmed_ip'),
    consentId: uuid('consent_id').references(() => consents.id, { onDelete: 'set null' }),
    revokedAt: at('revoked_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('consent_requests_token_key').on(t.tokenHash),
    index('consent_requests_person_idx').on(t.personId),
  ],
);

/** Who an image shows (status + reason live on media_people_reviews). */
export const mediaPeople = pgTable(
  'media_people',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: tenantId(),
    box: jsonb('box').$type<Box>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.personId] }), index('media_people_person_idx').on(t.personId)],
);

/** The review of an image for people: tagged, none, § 23 KUG (with reason), blocked. No row = unreviewed. */
export const mediaPeopleReviews = pgTable(
  'media_people_reviews',
  {
    mediaId: uuid('media_id')
      .primaryKey()
      .references(() => media.id, { onDelete: 'cascade' }),
    orgId: tenantId(),
    status: text('status').notNull(),
    reason: text('reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: at('reviewed_at').notNull().defaultNow(),
  },
  (t) => [check('media_people_reviews_status_check', sql`${t.status} in ('tagged','none','kug23','blocked')`)],
);

/** People named in a post's text. */
export const postPeople = pgTable(
  'post_people',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: tenantId(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.personId] }), index('post_people_person_idx').on(t.personId)],
);

/**
 * What a withdrawal (or an erasure) set in motion, per target: held before it went out,
 * deleted through the adapter, or a manual task with the link. The privacy officer's report.
 * Person and consent are kept as ids and a name copy; erasure blanks the name.
 */
export const takedownTasks = pgTable(
  'takedown_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: tenantId(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    personName: text('person_name'),
    consentId: uuid('consent_id').references(() => consents.id, { onDelete: 'set null' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id').references(() => postTargets.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    state: text('state').notNull().default('pending'),
    remoteUrl: text('remote_url'),
    error: text('error'),
    requestedAt: at('requested_at').notNull().defaultNow(),
    doneAt: at('done_at'),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('takedown_tasks_org_idx').on(t.orgId, t.requestedAt),
    index('takedown_tasks_target_idx').on(t.targetId),
    check('takedown_tasks_kind_check', sql`${t.kind} in ('stopped','automatic','manual')`),
    check('takedown_tasks_state_check', sql`${t.state} in ('pending','done','failed')`),
  ],
);

/** Per organisation: age rules and the PII check. No row = the defaults. */
export const privacySettings = pgTable(
  'privacy_settings',
  {
    orgId: tenantId().primaryKey(),
    guardiansOnlyUnder: integer('guardians_only_under').notNull().default(14),
    adultFrom: integer('adult_from').notNull().default(18),
    piiBlocking: text('pii_blocking').array().$type<PiiCategory[]>().notNull().default(sql`'{}'::text[]`),
    sensitiveWords: text('sensitive_words').array().notNull().default(sql`'{}'::text[]`),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [check('privacy_settings_ages_check', sql`${t.guardiansOnlyUnder} <= ${t.adultFrom}`)],
);
