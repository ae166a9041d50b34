import { ApiError } from '../../app/api.ts';

/** A refused connection: our message plus the network's own words, which say what to fix. */
export function connectError(error: unknown): { message: string; networkMessage: string | null } | null {
  if (!error) return null;
  if (!(error instanceof Error)) return { message: String(error), networkMessage: null };
  const details = error instanceof ApiError ? error.details : undefined;
  const networkMessage =
    typeof details === 'object' && details !== null && 'networkMessage' in details
      ? String((details as { networkMessage: unknown }).networkMessage ?? '') || null
      : null;
  return { message: error.message, networkMessage };
}
