import type { Language, PiiFinding } from '@nahbar/common';
import type { Deps } from '../../deps.ts';

/**
 * The PII check at scheduling (and later approval): the blocking findings in these texts, with
 * the organisation's register names, its own words and its choice of blocking categories.
 * Implemented by the PII work in issue #5; scheduling throws pii_blocked when this is not empty.
 */
export async function blockingPiiFindings(
  _deps: Deps,
  _orgId: string,
  _texts: readonly { field: string; text: string }[],
  _language: Language,
): Promise<(PiiFinding & { field: string })[]> {
  return [];
}
