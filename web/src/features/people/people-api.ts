import type {
  Box,
  Consent,
  ConsentCheckResult,
  ConsentPurpose,
  ConsentRequest,
  CreateConsentInput,
  CreateConsentRequestInput,
  CreatePersonInput,
  FaceProposals,
  Language,
  MediaPeople,
  Person,
  PersonExport,
  PersonKind,
  PersonList,
  PrivacyDashboard,
  PrivacySettings,
  SetMediaPeopleInput,
  TakedownTask,
  UpdatePersonInput,
  WithdrawalResult,
  WithdrawConsentInput,
} from '@nahbar/common';
import { api, apiRequest } from '../../app/api.ts';
import { uploadRaw } from './upload-raw.ts';

// One client for the whole people & consent round: the register, consents and evidence,
// tagging, the gate, withdrawal and erasure, forms and links, privacy settings. The pages of
// /personen, /datenschutz, the media tagging and the composer all import from here.

const enc = encodeURIComponent;
const org = (orgId: string) => `/orgs/${enc(orgId)}`;
const person = (orgId: string, personId: string) => `${org(orgId)}/people/${enc(personId)}`;
const consent = (orgId: string, consentId: string) => `${org(orgId)}/consents/${enc(consentId)}`;

export type PersonListQuery = { q?: string; kind?: PersonKind | null; cursor?: string | null; limit?: number };
export type PersonMedia = { mediaId: string; thumbUrl: string; box: Box | null; taggedAt: string };
export type NamedPerson = { id: string; displayName: string; ageGroup: 'child' | 'youth' | 'adult' };
export type ConsentCheckInput = {
  mediaIds?: string[];
  namedPersonIds?: string[];
  channelIds?: string[];
  at?: string | null;
};
export type PiiContext = {
  names: { personId: string; name: string }[];
  sensitiveWords: string[];
  piiBlocking: PrivacySettings['piiBlocking'];
};
export type ConsentFormQuery = { purpose: ConsentPurpose; language?: Language; mediaId?: string; networks?: string[] };

/** Every key starts with ['org', orgId, …] so switching organisation never mixes data. */
export const peopleKeys = {
  all: (orgId: string) => ['org', orgId, 'people'] as const,
  list: (orgId: string, q: string, kind: PersonKind | null) => ['org', orgId, 'people', 'list', q, kind] as const,
  person: (orgId: string, personId: string) => ['org', orgId, 'people', 'person', personId] as const,
  consents: (orgId: string, personId: string) => ['org', orgId, 'people', 'consents', personId] as const,
  media: (orgId: string, personId: string) => ['org', orgId, 'people', 'media', personId] as const,
  requests: (orgId: string, personId: string) => ['org', orgId, 'people', 'requests', personId] as const,
  mediaPeople: (orgId: string, mediaId: string) => ['org', orgId, 'media-people', mediaId] as const,
  postPeople: (orgId: string, postId: string) => ['org', orgId, 'post-people', postId] as const,
  postConsent: (orgId: string, postId: string) => ['org', orgId, 'post-consent', postId] as const,
  takedowns: (orgId: string) => ['org', orgId, 'takedowns'] as const,
  dashboard: (orgId: string) => ['org', orgId, 'privacy-dashboard'] as const,
  settings: (orgId: string) => ['org', orgId, 'privacy-settings'] as const,
  piiContext: (orgId: string) => ['org', orgId, 'pii-context'] as const,
};

/** Plain links (downloads open in the browser, which sends the session cookie). */
export const peopleUrls = {
  evidence: (orgId: string, consentId: string) => `/api${consent(orgId, consentId)}/evidence`,
  exportJson: (orgId: string, personId: string) => `/api${person(orgId, personId)}/export.json`,
  exportPdf: (orgId: string, personId: string) => `/api${person(orgId, personId)}/export.pdf`,
  consentForm: (orgId: string, personId: string, query: ConsentFormQuery) => {
    const params = new URLSearchParams({ purpose: query.purpose, language: query.language ?? 'de' });
    if (query.mediaId) params.set('mediaId', query.mediaId);
    if (query.networks && query.networks.length > 0) params.set('networks', query.networks.join(','));
    return `/api${person(orgId, personId)}/consent-form.pdf?${params}`;
  },
};

export const peopleApi = {
  // ---- register (A) ----
  list: (orgId: string, query: PersonListQuery = {}) => {
    const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
    if (query.q) params.set('q', query.q);
    if (query.kind) params.set('kind', query.kind);
    if (query.cursor) params.set('cursor', query.cursor);
    return api.get<PersonList>(`${org(orgId)}/people?${params}`);
  },
  create: (orgId: string, input: CreatePersonInput) => api.post<Person>(`${org(orgId)}/people`, input),
  get: (orgId: string, personId: string) => api.get<Person>(person(orgId, personId)),
  update: (orgId: string, personId: string, input: UpdatePersonInput) =>
    api.patch<Person>(person(orgId, personId), input),
  exportJson: (orgId: string, personId: string) => api.get<PersonExport>(`${person(orgId, personId)}/export.json`),
  media: (orgId: string, personId: string) => api.get<{ items: PersonMedia[] }>(`${person(orgId, personId)}/media`),

  // ---- consents and evidence (A) ----
  consents: (orgId: string, personId: string) => api.get<{ items: Consent[] }>(`${person(orgId, personId)}/consents`),
  createConsent: (orgId: string, personId: string, input: CreateConsentInput) =>
    api.post<Consent>(`${person(orgId, personId)}/consents`, input),
  /** The scanned form as the raw body (PDF, JPEG or PNG), with upload progress. */
  uploadEvidence: (orgId: string, consentId: string, file: File, onProgress?: (fraction: number) => void) =>
    uploadRaw<Consent>(
      'PUT',
      `${consent(orgId, consentId)}/evidence?${new URLSearchParams({ name: file.name })}`,
      file,
      onProgress,
    ),

  // ---- tagging (A) ----
  mediaPeople: (orgId: string, mediaId: string) => api.get<MediaPeople>(`${org(orgId)}/media/${enc(mediaId)}/people`),
  setMediaPeople: (orgId: string, mediaId: string, input: SetMediaPeopleInput) =>
    apiRequest<MediaPeople>('PUT', `${org(orgId)}/media/${enc(mediaId)}/people`, { body: input }),
  postPeople: (orgId: string, postId: string) =>
    api.get<{ named: NamedPerson[] }>(`${org(orgId)}/posts/${enc(postId)}/people`),
  setPostPeople: (orgId: string, postId: string, named: string[]) =>
    apiRequest<{ named: NamedPerson[] }>('PUT', `${org(orgId)}/posts/${enc(postId)}/people`, { body: { named } }),

  // ---- faces (D) ----
  faces: (orgId: string, mediaId: string) => api.post<FaceProposals>(`${org(orgId)}/media/${enc(mediaId)}/faces`),

  // ---- gate, withdrawal, erasure, takedowns, dashboard (B) ----
  consentCheck: (orgId: string, input: ConsentCheckInput) =>
    api.post<ConsentCheckResult>(`${org(orgId)}/consent-check`, input),
  postConsent: (orgId: string, postId: string) =>
    api.get<ConsentCheckResult>(`${org(orgId)}/posts/${enc(postId)}/consent`),
  withdraw: (orgId: string, consentId: string, input: WithdrawConsentInput) =>
    api.post<WithdrawalResult>(`${consent(orgId, consentId)}/withdraw`, input),
  erase: (orgId: string, personId: string) => api.delete(person(orgId, personId)),
  takedowns: (orgId: string) => api.get<{ items: TakedownTask[] }>(`${org(orgId)}/takedowns`),
  takedownDone: (orgId: string, taskId: string) =>
    api.post<TakedownTask>(`${org(orgId)}/takedowns/${enc(taskId)}/done`),
  dashboard: (orgId: string) => api.get<PrivacyDashboard>(`${org(orgId)}/privacy/dashboard`),

  // ---- forms and links (C) ----
  consentRequests: (orgId: string, personId: string) =>
    api.get<{ items: ConsentRequest[] }>(`${person(orgId, personId)}/consent-requests`),
  createConsentRequest: (orgId: string, personId: string, input: CreateConsentRequestInput) =>
    api.post<ConsentRequest>(`${person(orgId, personId)}/consent-requests`, input),
  revokeConsentRequest: (orgId: string, requestId: string) =>
    api.post<ConsentRequest>(`${org(orgId)}/consent-requests/${enc(requestId)}/revoke`),

  // ---- privacy settings and PII context (E) ----
  privacySettings: (orgId: string) => api.get<PrivacySettings>(`${org(orgId)}/privacy-settings`),
  updatePrivacySettings: (orgId: string, input: Partial<PrivacySettings>) =>
    apiRequest<PrivacySettings>('PUT', `${org(orgId)}/privacy-settings`, { body: input }),
  piiContext: (orgId: string) => api.get<PiiContext>(`${org(orgId)}/privacy/pii-context`),
};
