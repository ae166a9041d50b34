import type { Session } from '@nahbar/common';
import { ApiError } from '../../app/api.ts';
import { i18n } from '../../app/i18n.ts';
import { queryClient } from '../../app/query-client.ts';
import { SESSION_KEY } from '../../app/session.tsx';

/**
 * A file as the raw request body, like the media upload. XMLHttpRequest rather than fetch: only
 * it reports upload progress. Errors become the same ApiError the JSON client throws.
 */
export function uploadRaw<T>(
  method: 'POST' | 'PUT',
  path: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    const csrf = queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken;
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const data = safeJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(data as T);
        return;
      }
      const error =
        typeof data === 'object' && data !== null && 'error' in data
          ? (data as { error?: { code?: string; message?: string; details?: unknown } }).error
          : undefined;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? 'http_error',
          error?.message ?? `${xhr.status} ${xhr.statusText}`,
          error?.details,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', i18n.t('common:errors.network')));
    xhr.send(file);
  });
}

function safeJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
