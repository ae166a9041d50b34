import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@nahbar/common';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { privacySettings } from '../../db/schema/index.ts';

/** The organisation's age rules and PII check; the defaults until someone changes them. */
export async function loadPrivacySettings(db: DbOrTx, orgId: string): Promise<PrivacySettings> {
  const [row] = await db.select().from(privacySettings).where(eq(privacySettings.orgId, orgId));
  if (!row) return { ...DEFAULT_PRIVACY_SETTINGS };
  return {
    guardiansOnlyUnder: row.guardiansOnlyUnder,
    adultFrom: row.adultFrom,
    piiBlocking: row.piiBlocking,
    sensitiveWords: row.sensitiveWords,
  };
}
