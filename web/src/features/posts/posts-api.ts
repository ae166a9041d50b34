import type { CreatePostInput, Media, Post, PostTarget, Session } from '@nahbar/common';
import { ApiError, api } from '../../app/api.ts';
import { i18n } from '../../app/i18n.ts';
import { queryClient } from '../../app/query-client.ts';
import { SESSION_KEY } from '../../app/session.tsx';

const org = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}`;
const target = (orgId: string, id: string) => `${org(orgId)}/targets/${encodeURIComponent(id)}`;

export type When = CreatePostInput['when'];

export const postKeys = {
  list: (orgId: string) => ['org', orgId, 'posts'] as const,
};

export const postsApi = {
  list: (orgId: string) => api.get<Post[]>(`${org(orgId)}/posts?limit=50`),
  create: (orgId: string, input: CreatePostInput) => api.post<Post>(`${org(orgId)}/posts`, input),
  schedule: (orgId: string, id: string, when: When) => api.post<PostTarget>(`${target(orgId, id)}/schedule`, { when }),
  cancel: (orgId: string, id: string) => api.post<PostTarget>(`${target(orgId, id)}/cancel`),
  takedown: (orgId: string, id: string) => api.post<PostTarget>(`${target(orgId, id)}/takedown`),
  upload: (orgId: string, file: File) => uploadMedia(orgId, file),
};

/** Images go up as the raw body (no JSON), so this one request bypasses the JSON client. */
async function uploadMedia(orgId: string, file: File): Promise<Media> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language,
    'content-type': file.type || 'application/octet-stream',
  };
  const csrf = queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken;
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api${org(orgId)}/media`, {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('common:errors.network'));
  }
  const data = (await response.json().catch(() => undefined)) as
    | Media
    | { error?: { code?: string; message?: string; details?: unknown } }
    | undefined;
  if (!response.ok) {
    const error = data && 'error' in data ? data.error : undefined;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.details,
    );
  }
  return data as Media;
}
