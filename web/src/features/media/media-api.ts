import type { BlurMediaInput, Media, MediaKind, MediaList, Session } from '@nahbar/common';
import { ApiError, api } from '../../app/api.ts';
import { i18n } from '../../app/i18n.ts';
import { queryClient } from '../../app/query-client.ts';
import { SESSION_KEY } from '../../app/session.tsx';
import { uploadContentType } from './media-files.ts';

const org = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}`;
const item = (orgId: string, id: string) => `${org(orgId)}/media/${encodeURIComponent(id)}`;

const PAGE_SIZE = 40;

/** Every media query starts with ['org', orgId, 'media'] so one invalidation refreshes page and picker alike. */
export const mediaKeys = {
  all: (orgId: string) => ['org', orgId, 'media'] as const,
  list: (orgId: string, kind: MediaKind | null) => ['org', orgId, 'media', 'list', kind] as const,
  info: (orgId: string, id: string) => ['org', orgId, 'media', 'info', id] as const,
};

export const mediaApi = {
  list: (orgId: string, options: { kind?: MediaKind | null; cursor?: string | null; limit?: number } = {}) => {
    const params = new URLSearchParams({ limit: String(options.limit ?? PAGE_SIZE) });
    if (options.kind) params.set('kind', options.kind);
    if (options.cursor) params.set('cursor', options.cursor);
    return api.get<MediaList>(`${org(orgId)}/media?${params}`);
  },
  info: (orgId: string, id: string) => api.get<Media>(`${item(orgId, id)}/info`),
  update: (orgId: string, id: string, alt: string | null) => api.patch<Media>(item(orgId, id), { alt }),
  remove: (orgId: string, id: string) => api.delete(item(orgId, id)),
  blur: (orgId: string, id: string, input: BlurMediaInput) => api.post<Media>(`${item(orgId, id)}/blur`, input),
};

/**
 * Files go up as the raw body. XMLHttpRequest rather than fetch: only it reports upload progress,
 * which matters for a 100 MB video. Errors become the same ApiError the JSON client throws.
 */
export function uploadMedia(
  orgId: string,
  file: File,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Media> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${org(orgId)}/media?${new URLSearchParams({ name: file.name })}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language);
    xhr.setRequestHeader('content-type', uploadContentType(file));
    const csrf = queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken;
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const data = safeJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(data as Media);
        return;
      }
      reject(toApiError(xhr, data));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', i18n.t('common:errors.network')));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', i18n.t('media:upload.aborted')));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function toApiError(xhr: XMLHttpRequest, data: unknown): ApiError {
  const error =
    typeof data === 'object' && data !== null && 'error' in data
      ? (data as { error?: { code?: string; message?: string; details?: unknown } }).error
      : undefined;
  // A proxy's 413 comes without our JSON; still say something a person understands.
  const fallback = xhr.status === 413 ? i18n.t('media:upload.tooLarge') : `${xhr.status} ${xhr.statusText}`;
  return new ApiError(xhr.status, error?.code ?? 'http_error', error?.message ?? fallback, error?.details);
}

function safeJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
