import type {
  InboxClass,
  InboxItem,
  InboxSettings,
  InboxStatus,
  InboxThread,
  ReplyDecisionInput,
  ReplyTemplate,
} from '@nahbar/common';
import { api } from '../../app/api.ts';

// Local lists instead of importing the schemas' arrays, which would pull zod into the bundle; the
// Record types make the compiler insist every class and status is here.
const CLASS_KEYS: Record<InboxClass, true> = {
  crisis: true,
  counselling: true,
  hostile: true,
  question: true,
  criticism: true,
  praise: true,
};
const STATUS_KEYS: Record<InboxStatus, true> = { open: true, answered: true, no_answer_needed: true, escalated: true };
export const CLASSES = Object.keys(CLASS_KEYS) as InboxClass[];
export const STATUSES = Object.keys(STATUS_KEYS) as InboxStatus[];

const org = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}`;
const item = (orgId: string, id: string) => `${org(orgId)}/inbox/${encodeURIComponent(id)}`;

export type InboxFilters = {
  status?: InboxStatus;
  assignedToMe?: boolean;
  overdue?: boolean;
  channelId?: string;
  class?: InboxClass;
};
export type InboxPage = { items: InboxItem[]; next: string | null };
export type InboxCounts = { open: number; overdue: number; mine: number; crisis: number };
export type InboxReply = InboxThread['replies'][number];
export type TemplateInput = { name: string; body: string };

/** Every inbox query starts with ['org', orgId, 'inbox'] so one invalidation refreshes list, counts and threads. */
export const inboxKeys = {
  all: (orgId: string) => ['org', orgId, 'inbox'] as const,
  list: (orgId: string, filters: InboxFilters) => ['org', orgId, 'inbox', 'list', filters] as const,
  counts: (orgId: string) => ['org', orgId, 'inbox', 'counts'] as const,
  thread: (orgId: string, id: string) => ['org', orgId, 'inbox', 'thread', id] as const,
  settings: (orgId: string) => ['org', orgId, 'inbox-settings'] as const,
  templates: (orgId: string) => ['org', orgId, 'reply-templates'] as const,
};

function search(filters: InboxFilters, after: string | null): string {
  const params = new URLSearchParams({ limit: '30' });
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== false) params.set(key, String(value));
  }
  if (after) params.set('after', after);
  return params.toString();
}

export const inboxApi = {
  list: (orgId: string, filters: InboxFilters, after: string | null) =>
    api.get<InboxPage>(`${org(orgId)}/inbox?${search(filters, after)}`),
  counts: (orgId: string) => api.get<InboxCounts>(`${org(orgId)}/inbox/counts`),
  fetchNow: (orgId: string) => api.post<{ fetched: number }>(`${org(orgId)}/inbox/fetch`, {}),
  thread: (orgId: string, id: string) => api.get<InboxThread>(`${item(orgId, id)}/thread`),
  update: (orgId: string, id: string, input: { status?: InboxStatus; assigneeId?: string | null; tags?: string[] }) =>
    api.patch<InboxItem>(item(orgId, id), input),
  reply: (orgId: string, id: string, input: { text: string; templateId?: string }) =>
    api.post<InboxReply>(`${item(orgId, id)}/replies`, input),
  /** Approve (then it is sent) or reject (with a reason) a reply that waits for approval. */
  decide: (orgId: string, replyId: string, input: ReplyDecisionInput) =>
    api.post<InboxReply>(`${org(orgId)}/inbox/replies/${encodeURIComponent(replyId)}/decision`, input),
  moderate: (orgId: string, id: string, input: { action: 'hide' | 'capture'; reason: string }) =>
    api.post<InboxThread>(`${item(orgId, id)}/moderate`, input),
  /** A plain link: the browser downloads the snapshot with the session cookie. */
  evidenceUrl: (orgId: string, id: string, evidenceId: string) =>
    `/api${item(orgId, id)}/evidence/${encodeURIComponent(evidenceId)}`,
  settings: (orgId: string) => api.get<InboxSettings>(`${org(orgId)}/inbox/settings`),
  updateSettings: (orgId: string, input: Partial<InboxSettings>) =>
    api.patch<InboxSettings>(`${org(orgId)}/inbox/settings`, input),
  templates: (orgId: string) => api.get<ReplyTemplate[]>(`${org(orgId)}/reply-templates`),
  createTemplate: (orgId: string, input: TemplateInput) =>
    api.post<ReplyTemplate>(`${org(orgId)}/reply-templates`, input),
  updateTemplate: (orgId: string, id: string, input: TemplateInput) =>
    api.patch<ReplyTemplate>(`${org(orgId)}/reply-templates/${encodeURIComponent(id)}`, input),
  deleteTemplate: (orgId: string, id: string) => api.delete(`${org(orgId)}/reply-templates/${encodeURIComponent(id)}`),
};
