import type { PiiCategory } from '@nahbar/common';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { people } from '../../db/schema/index.ts';
import { loadPrivacySettings } from './settings.ts';

export type PiiContext = {
  names: { personId: string; name: string }[];
  sensitiveWords: string[];
  piiBlocking: PiiCategory[];
};

/**
 * What the PII scan needs to know about the organisation: every register entry's display name
 * and its guardians' names (a guardian named in a post identifies the child), the own words and
 * the blocking categories. Only names, never birth dates or notes.
 */
export async function loadPiiContext(db: DbOrTx, orgId: string): Promise<PiiContext> {
  const [settings, rows] = await Promise.all([
    loadPrivacySettings(db, orgId),
    db
      .select({ id: people.id, displayName: people.displayName, guardians: people.guardians })
      .from(people)
      .where(eq(people.orgId, orgId))
      .orderBy(people.displayName),
  ]);
  const names = rows.flatMap((row) => [
    { personId: row.id, name: row.displayName },
    ...row.guardians.map((g) => ({ personId: row.id, name: g.name })),
  ]);
  return { names, sensitiveWords: settings.sensitiveWords, piiBlocking: settings.piiBlocking };
}
