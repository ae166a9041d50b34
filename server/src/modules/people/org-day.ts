import { type AgeRules, localDay } from '@nahbar/common';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { organisations } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { loadPrivacySettings } from '../privacy/settings.ts';

/** "Today" as the organisation lives it: its zone's calendar day and its age rules. */
export type OrgDay = { today: string; timeZone: string; rules: AgeRules };

export async function orgDay(db: DbOrTx, orgId: string, now: Date): Promise<OrgDay> {
  const [org] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError('not_found');
  const settings = await loadPrivacySettings(db, orgId);
  return {
    today: localDay(now, org.timeZone),
    timeZone: org.timeZone,
    rules: { guardiansOnlyUnder: settings.guardiansOnlyUnder, adultFrom: settings.adultFrom },
  };
}
