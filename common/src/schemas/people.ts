import { z } from 'zod';
import { networkIdSchema } from './channels.ts';
import { idSchema, languageSchema, nameSchema } from './common.ts';

// People & consent (client protection). The register is pseudonymous: a display name or a
// code, never more than the team needs. Notes and evidence are for privacy officers only.

const isoDateTime = z.iso.datetime({ offset: true });
/** A calendar day, "2026-03-29". */
export const daySchema = z.iso.date();

export const PERSON_KINDS = ['client', 'resident', 'staff', 'volunteer', 'external'] as const;
export const personKindSchema = z.enum(PERSON_KINDS);
export type PersonKind = z.infer<typeof personKindSchema>;

/** When no birth date is recorded: the age band as the team knows it. */
export const AGE_BANDS = ['under_14', '14_17', 'adult'] as const;
export const ageBandSchema = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof ageBandSchema>;

/** Who gave a consent. Guardians are numbered as recorded on the person. */
export const SIGNATORIES = ['person', 'guardian_1', 'guardian_2'] as const;
export const signatorySchema = z.enum(SIGNATORIES);
export type Signatory = z.infer<typeof signatorySchema>;

export const guardianSchema = z.strictObject({
  name: nameSchema,
  /** Postal address, phone or e-mail, as the team reaches them. */
  contact: z.string().trim().max(300).nullable().default(null),
});
export type Guardian = z.infer<typeof guardianSchema>;

export const personSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  kind: personKindSchema,
  birthDate: daySchema.nullable(),
  ageBand: ageBandSchema.nullable(),
  guardians: z.array(guardianSchema),
  jointCustody: z.boolean(),
  /** Only privacy officers see notes; for everybody else this is null and notesHidden true. */
  notes: z.string().nullable(),
  notesHidden: z.boolean(),
  /** Today's age group in the organisation's zone (from the birth date or the band). */
  ageGroup: z.enum(['child', 'youth', 'adult']),
  consentSummary: z.object({
    valid: z.int(),
    expiringSoon: z.int(),
    withdrawn: z.int(),
  }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Person = z.infer<typeof personSchema>;

const personFields = {
  displayName: nameSchema,
  kind: personKindSchema,
  birthDate: daySchema.nullable().default(null),
  ageBand: ageBandSchema.nullable().default(null),
  guardians: z.array(guardianSchema).max(2).default([]),
  jointCustody: z.boolean().default(false),
  notes: z.string().trim().max(5000).nullable().default(null),
};
export const createPersonSchema = z
  .strictObject(personFields)
  .refine((p) => p.birthDate !== null || p.ageBand !== null, {
    path: ['birthDate'],
    message: 'birth date or age band required',
  });
export type CreatePersonInput = z.input<typeof createPersonSchema>;
/** Any subset; sending birthDate or ageBand keeps the rule that one of them is set (checked by the server). */
export const updatePersonSchema = z.strictObject({
  displayName: personFields.displayName.optional(),
  kind: personFields.kind.optional(),
  birthDate: daySchema.nullable().optional(),
  ageBand: ageBandSchema.nullable().optional(),
  guardians: z.array(guardianSchema).max(2).optional(),
  jointCustody: z.boolean().optional(),
  notes: z.string().trim().max(5000).nullable().optional(),
});
export type UpdatePersonInput = z.input<typeof updatePersonSchema>;

export const personListQuerySchema = z.strictObject({
  /** Part of the display name or a guardian's name, case-insensitive. */
  q: z.string().trim().max(120).optional(),
  kind: personKindSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const personListSchema = z.object({ items: z.array(personSchema), nextCursor: z.string().nullable() });
export type PersonList = z.infer<typeof personListSchema>;

// ---- consents ----

/** What the picture or name may be used for. Own website = the website feed channel. */
export const CONSENT_PURPOSES = ['social_media', 'website', 'print', 'press'] as const;
export const consentPurposeSchema = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof consentPurposeSchema>;

export const CONSENT_FORMS = ['written', 'digital'] as const;
export const consentFormSchema = z.enum(CONSENT_FORMS);

export const WITHDRAWAL_WAYS = ['written', 'oral', 'email', 'digital'] as const;
export const withdrawalWaySchema = z.enum(WITHDRAWAL_WAYS);

export const consentSchema = z.object({
  id: idSchema,
  personId: idSchema,
  purpose: consentPurposeSchema,
  /** Social media only: empty = every network. */
  networks: z.array(networkIdSchema),
  /** Narrower than networks: empty = every channel of those networks. */
  channelIds: z.array(idSchema),
  validFrom: daySchema,
  /** Inclusive: valid until the end of this day in the organisation's zone. Null: until withdrawn. */
  validUntil: daySchema.nullable(),
  form: consentFormSchema,
  givenBy: z.array(signatorySchema),
  /** The exact picture the consent was given for, when it was shown. */
  mediaId: idSchema.nullable(),
  hasEvidence: z.boolean(),
  /** "link" when confirmed through a digital consent link. */
  source: z.enum(['manual', 'link']),
  withdrawal: z
    .object({
      on: daySchema,
      by: z.union([signatorySchema, z.literal('other')]),
      how: withdrawalWaySchema,
      note: z.string().nullable(),
      recordedAt: isoDateTime,
    })
    .nullable(),
  /** Today, in the organisation's zone. */
  status: z.enum(['valid', 'not_yet_valid', 'expired', 'withdrawn']),
  recordedByName: z.string().nullable(),
  createdAt: isoDateTime,
});
export type Consent = z.infer<typeof consentSchema>;

export const createConsentSchema = z
  .strictObject({
    purpose: consentPurposeSchema,
    networks: z.array(networkIdSchema).max(10).default([]),
    channelIds: z.array(idSchema).max(50).default([]),
    validFrom: daySchema,
    validUntil: daySchema.nullable().default(null),
    form: consentFormSchema,
    givenBy: z.array(signatorySchema).min(1).max(3),
    mediaId: idSchema.nullable().default(null),
  })
  .refine((c) => c.validUntil === null || c.validUntil >= c.validFrom, {
    path: ['validUntil'],
    message: 'valid until must not be before valid from',
  });
export type CreateConsentInput = z.input<typeof createConsentSchema>;

export const withdrawConsentSchema = z.strictObject({
  /** Effective for the future; recorded on this day. */
  on: daySchema,
  by: z.union([signatorySchema, z.literal('other')]),
  how: withdrawalWaySchema,
  note: z.string().trim().max(2000).nullable().default(null),
});
export type WithdrawConsentInput = z.input<typeof withdrawConsentSchema>;

/** The answer to a withdrawal: what it stopped and what it takes down. */
export const withdrawalResultSchema = z.object({
  consent: consentSchema,
  stoppedTargets: z.int(),
  takedowns: z.int(),
  manualTasks: z.int(),
});
export type WithdrawalResult = z.infer<typeof withdrawalResultSchema>;

// ---- tagging ----

/** Rectangle as fractions of the image (0–1), like the blur editor's. */
export const boxSchema = z.strictObject({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  width: z.number().gt(0).max(1),
  height: z.number().gt(0).max(1),
});
export type Box = z.infer<typeof boxSchema>;

/**
 * Who an image shows. "unreviewed": nobody has looked yet (a warning in the composer, never
 * "nobody there"). "tagged": the people listed. "none": no identifiable person. "kug23": people,
 * but under the § 23 KUG exception (crowd, incidental) — with a reason. "blocked": a depicted
 * person was erased from the register; the image may not be used until someone reviews it.
 */
export const PEOPLE_STATUSES = ['unreviewed', 'tagged', 'none', 'kug23', 'blocked'] as const;
export const peopleStatusSchema = z.enum(PEOPLE_STATUSES);
export type PeopleStatus = z.infer<typeof peopleStatusSchema>;

export const mediaPeopleSchema = z.object({
  mediaId: idSchema,
  status: peopleStatusSchema,
  reason: z.string().nullable(),
  people: z.array(
    z.object({
      personId: idSchema,
      displayName: z.string(),
      ageGroup: z.enum(['child', 'youth', 'adult']),
      box: boxSchema.nullable(),
    }),
  ),
  reviewedByName: z.string().nullable(),
  reviewedAt: isoDateTime.nullable(),
});
export type MediaPeople = z.infer<typeof mediaPeopleSchema>;

export const setMediaPeopleSchema = z
  .strictObject({
    status: z.enum(['tagged', 'none', 'kug23']),
    reason: z.string().trim().max(1000).nullable().default(null),
    people: z
      .array(z.strictObject({ personId: idSchema, box: boxSchema.nullable().default(null) }))
      .max(50)
      .default([]),
  })
  .refine((m) => m.status !== 'tagged' || m.people.length > 0, { path: ['people'], message: 'tag at least one person' })
  .refine((m) => m.status === 'tagged' || m.people.length === 0, {
    path: ['people'],
    message: 'no people with this status',
  })
  .refine((m) => m.status !== 'kug23' || (m.reason ?? '').length >= 3, {
    path: ['reason'],
    message: 'reason required',
  });
export type SetMediaPeopleInput = z.input<typeof setMediaPeopleSchema>;

/** Face boxes proposed by the offline detector. A proposal only: no face found ≠ no person. */
export const faceProposalsSchema = z.object({
  faces: z.array(boxSchema.extend({ score: z.number() })),
  engine: z.string(),
});
export type FaceProposals = z.infer<typeof faceProposalsSchema>;

/** People named in a post's text. */
export const setPostPeopleSchema = z.strictObject({ named: z.array(idSchema).max(50) });

// ---- the gate ----

export const GATE_REASON_CODES = [
  'no_consent',
  'out_of_scope',
  'expired',
  'not_yet_valid',
  'withdrawn',
  'missing_signatures',
  'media_blocked',
] as const;
export const gateReasonSchema = z.object({
  code: z.enum(GATE_REASON_CODES),
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  /** missing_signatures: who still has to consent. */
  missing: z.array(signatorySchema).optional(),
  /** expired / withdrawn: the day it ended. */
  on: daySchema.optional(),
  mediaId: idSchema.optional(),
});
export type GateReason = z.infer<typeof gateReasonSchema>;

export const gateResultSchema = z.object({
  allowed: z.boolean(),
  reasons: z.array(gateReasonSchema),
  /** Not blocking: images nobody has reviewed for people yet. */
  unreviewedMediaIds: z.array(idSchema),
  /** People under 18 on that day: flags the post for the approval rules. */
  minorIds: z.array(idSchema),
});
export type GateResult = z.infer<typeof gateResultSchema>;

/** The composer asks for the draft as it is on screen. */
export const consentCheckSchema = z.strictObject({
  mediaIds: z.array(idSchema).max(20).default([]),
  namedPersonIds: z.array(idSchema).max(50).default([]),
  channelIds: z.array(idSchema).max(20).default([]),
  /** The publish moment; null: now. */
  at: isoDateTime.nullable().default(null),
});
export const consentCheckResultSchema = z.object({
  channels: z.array(z.object({ channelId: idSchema, channelName: z.string(), result: gateResultSchema })),
  people: z.array(
    z.object({
      id: idSchema,
      displayName: z.string(),
      ageGroup: z.enum(['child', 'youth', 'adult']),
      depicted: z.boolean(),
      named: z.boolean(),
    }),
  ),
  showsMinor: z.boolean(),
});
export type ConsentCheckResult = z.infer<typeof consentCheckResultSchema>;

// ---- digital consent links ----

export const createConsentRequestSchema = z.strictObject({
  purpose: consentPurposeSchema,
  networks: z.array(networkIdSchema).max(10).default([]),
  channelIds: z.array(idSchema).max(50).default([]),
  validUntil: daySchema.nullable().default(null),
  /** Who is asked; one link per signatory. */
  signatory: signatorySchema,
  mediaId: idSchema.nullable().default(null),
  language: languageSchema.default('de'),
  /** How long the link works. */
  expiresInDays: z.int().min(1).max(60).default(14),
});
export type CreateConsentRequestInput = z.input<typeof createConsentRequestSchema>;

export const consentRequestSchema = z.object({
  id: idSchema,
  personId: idSchema,
  purpose: consentPurposeSchema,
  signatory: signatorySchema,
  mediaId: idSchema.nullable(),
  language: languageSchema,
  expiresAt: isoDateTime,
  confirmedAt: isoDateTime.nullable(),
  confirmedName: z.string().nullable(),
  revokedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  /** Only in the answer to creating it: the link is shown once. */
  url: z.string().optional(),
});
export type ConsentRequest = z.infer<typeof consentRequestSchema>;

/** What the person behind the link sees (no register data beyond the display name). */
export const publicConsentRequestSchema = z.object({
  organisationName: z.string(),
  personName: z.string(),
  signatory: signatorySchema,
  signatoryName: z.string().nullable(),
  purpose: consentPurposeSchema,
  scopeText: z.string(),
  validUntil: daySchema.nullable(),
  language: languageSchema,
  /** The consent text, paragraphs. */
  text: z.array(z.string()),
  imageUrl: z.string().nullable(),
  state: z.enum(['open', 'confirmed', 'expired', 'revoked']),
  confirmedAt: isoDateTime.nullable(),
});
export type PublicConsentRequest = z.infer<typeof publicConsentRequestSchema>;

export const confirmConsentRequestSchema = z.strictObject({
  /** The name typed as signature. */
  name: nameSchema,
  agree: z.literal(true),
});

export const consentFormQuerySchema = z.strictObject({
  purpose: consentPurposeSchema,
  language: languageSchema.default('de'),
  mediaId: idSchema.optional(),
  networks: z
    .string()
    .max(100)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : []))
    .pipe(z.array(networkIdSchema)),
});

// ---- privacy dashboard, takedowns, settings ----

export const takedownTaskSchema = z.object({
  id: idSchema,
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  consentId: idSchema.nullable(),
  postId: idSchema,
  postExcerpt: z.string(),
  targetId: idSchema.nullable(),
  channelName: z.string(),
  network: z.string(),
  /** stopped: a scheduled target held; automatic: deleted through the adapter; manual: a person must. */
  kind: z.enum(['stopped', 'automatic', 'manual']),
  state: z.enum(['pending', 'done', 'failed']),
  remoteUrl: z.string().nullable(),
  error: z.string().nullable(),
  requestedAt: isoDateTime,
  doneAt: isoDateTime.nullable(),
});
export type TakedownTask = z.infer<typeof takedownTaskSchema>;
export const takedownReportSchema = z.object({ items: z.array(takedownTaskSchema) });

export const privacyDashboardSchema = z.object({
  /** Valid consents ending within 30 days. */
  expiring: z.array(z.object({ consent: consentSchema, personName: z.string() })),
  /** Planned or scheduled posts the gate blocks today or at their time. */
  blockedPosts: z.array(
    z.object({
      postId: idSchema,
      excerpt: z.string(),
      dueAt: isoDateTime.nullable(),
      channelName: z.string(),
      reasons: z.array(gateReasonSchema),
    }),
  ),
  /** Consents withdrawn in the last 90 days. */
  withdrawn: z.array(z.object({ consent: consentSchema, personName: z.string() })),
  /** Images in posts not yet reviewed for people. */
  unreviewedMedia: z.int(),
  pendingTakedowns: z.int(),
});
export type PrivacyDashboard = z.infer<typeof privacyDashboardSchema>;

export const PII_CATEGORIES = ['phone', 'email', 'address', 'iban', 'birth_date', 'person_name', 'sensitive'] as const;
export const piiCategorySchema = z.enum(PII_CATEGORIES);
export type PiiCategory = z.infer<typeof piiCategorySchema>;

export const privacySettingsSchema = z.object({
  /** Under this age only guardians consent. */
  guardiansOnlyUnder: z.int().min(10).max(18),
  /** From this age the person alone consents. */
  adultFrom: z.int().min(14).max(21),
  /** PII findings of these kinds stop scheduling; the others warn. */
  piiBlocking: z.array(piiCategorySchema),
  /** Added to the built-in sensitive-category lists. */
  sensitiveWords: z.array(z.string().trim().min(2).max(60)).max(500),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;
export const updatePrivacySettingsSchema = z.strictObject({
  guardiansOnlyUnder: z.int().min(10).max(18).optional(),
  adultFrom: z.int().min(14).max(21).optional(),
  piiBlocking: z.array(piiCategorySchema).max(PII_CATEGORIES.length).optional(),
  sensitiveWords: z.array(z.string().trim().min(2).max(60)).max(500).optional(),
});
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  guardiansOnlyUnder: 14,
  adultFrom: 18,
  piiBlocking: [],
  sensitiveWords: [],
};

/** Data-subject access: everything nahbar holds about one person. */
export const personExportSchema = z.object({
  exportedAt: isoDateTime,
  person: personSchema,
  consents: z.array(consentSchema),
  consentRequests: z.array(consentRequestSchema),
  media: z.array(z.object({ mediaId: idSchema, box: boxSchema.nullable(), taggedAt: isoDateTime })),
  posts: z.array(
    z.object({
      postId: idSchema,
      excerpt: z.string(),
      how: z.enum(['depicted', 'named']),
      targets: z.array(z.object({ channelName: z.string(), state: z.string(), remoteUrl: z.string().nullable() })),
    }),
  ),
  audit: z.array(z.object({ at: isoDateTime, action: z.string() })),
});
export type PersonExport = z.infer<typeof personExportSchema>;
