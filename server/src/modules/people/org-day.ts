import { type AgeRules, localDay } from '@nahbar/common';
import type { DbOrTx } from '../../db/open.ts';
import { orgTimeZone } from '../calendar/org-time-zone.ts';
import { loadPrivacySettings } from '../privacy/settings.ts';

/** The organisation's zone and age rules: what every age and validity question is read in. */
export type OrgRules = { timeZone: string; rules: AgeRules };

export async function orgRules(db: DbOrTx, orgId: string): Promise<OrgRules> {
  // One after the other: inside a transaction they share one connection.
  const timeZone = await orgTimeZone(db, orgId);
  const settings = await loadPrivacySettings(db, orgId);
  return { timeZone, rules: { guardiansOnlyUnder: settings.guardiansOnlyUnder, adultFrom: settings.adultFrom } };
}

/** "Today" as the organisation lives it: its zone's calendar day and its age rules. */
export type OrgDay = OrgRules & { today: string };

export async function orgDay(db: DbOrTx, orgId: string, now: Date): Promise<OrgDay> {
  const found = await orgRules(db, orgId);
  return { ...found, today: localDay(now, found.timeZone) };
}
