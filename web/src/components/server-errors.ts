import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../app/api.ts';

/**
 * Puts the server's field errors (`validation_failed` details) onto the form fields.
 * Returns the message still to show above the form, or null when every error found its field.
 */
// biome-ignore lint/suspicious/noExplicitAny: works for every form shape
export function applyServerErrors(form: UseFormReturnType<any, any>, error: unknown): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fieldErrors = error.fieldErrors;
  if (fieldErrors.length === 0) return error.message;
  const values = form.getValues() as Record<string, unknown>;
  let unmatched = false;
  for (const fieldError of fieldErrors) {
    if (hasPath(values, fieldError.field)) form.setFieldError(fieldError.field, fieldError.message);
    else unmatched = true;
  }
  return unmatched ? error.message : null;
}

function hasPath(values: Record<string, unknown>, path: string): boolean {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
