import type { FieldError } from '@nahbar/common';
import { i18n } from './i18n.ts';

/** An error answer of the API: `{error: {code, message, details}}`, message already translated by the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors of a `validation_failed` answer, empty otherwise. */
  get fieldErrors(): FieldError[] {
    if (this.code !== 'validation_failed' || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldError => typeof d === 'object' && d !== null && 'field' in d && 'message' in d,
    );
  }
}

type Handlers = {
  csrfToken: () => string | null;
  onUnauthenticated: () => void;
};

// Filled in by the session provider; kept module-level so query functions stay plain functions.
const handlers: Handlers = {
  csrfToken: () => null,
  onUnauthenticated: () => {},
};

export function configureApi(next: Partial<Handlers>): void {
  Object.assign(handlers, next);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type RequestOptions = {
  body?: unknown;
  /** The session probe handles 401 itself; everything else redirects to sign-in. */
  skipUnauthenticatedRedirect?: boolean;
  /** Reads a successful answer's headers (a list's next-page cursor comes in x-next-cursor). */
  onHeaders?: (headers: Headers) => void;
};

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
    const csrf = handlers.csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('common:errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;

  if (!response.ok) {
    const error = readError(data);
    const apiError = new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.details,
    );
    if (response.status === 401 && apiError.code === 'unauthenticated' && !options.skipUnauthenticatedRedirect) {
      handlers.onUnauthenticated();
    }
    throw apiError;
  }
  options.onHeaders?.(response.headers);
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readError(data: unknown): { code?: string; message?: string; details?: unknown } | undefined {
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  const error = (data as { error: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as { code?: string; message?: string }) : undefined;
}
