import { type AgeRules, ageGroupOn, consentStateOn, type GateConsent, type Person } from '@nahbar/common';
import { addDays } from '@nahbar/common/rules/local-date';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { consents, type people } from '../../db/schema/index.ts';
import { gateConsent } from './consent-view.ts';

export type PersonRow = typeof people.$inferSelect;
export type ConsentSummary = Person['consentSummary'];

/** "Expiring soon": still valid today, ending within this many days. */
export const EXPIRING_DAYS = 30;

export const EMPTY_SUMMARY: ConsentSummary = { valid: 0, expiringSoon: 0, withdrawn: 0 };

/**
 * A register entry as the API shows it. Notes only for privacy officers: everybody else gets
 * null and notesHidden, so the page can say that there is something they may not see.
 */
export function personView(
  row: PersonRow,
  view: { canSeeNotes: boolean; today: string; rules: AgeRules; summary?: ConsentSummary },
): Person {
  return {
    id: row.id,
    displayName: row.displayName,
    kind: row.kind as Person['kind'],
    birthDate: row.birthDate,
    ageBand: row.ageBand as Person['ageBand'],
    guardians: row.guardians,
    jointCustody: row.jointCustody,
    notes: view.canSeeNotes ? row.notes : null,
    notesHidden: !view.canSeeNotes,
    ageGroup: ageGroupOn(
      { birthDate: row.birthDate, ageBand: row.ageBand as Person['ageBand'] },
      view.today,
      view.rules,
    ),
    consentSummary: view.summary ?? EMPTY_SUMMARY,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Counts of one person's consents on `today`. */
export function summarize(list: readonly GateConsent[], today: string): ConsentSummary {
  const soon = addDays(today, EXPIRING_DAYS);
  const summary = { ...EMPTY_SUMMARY };
  for (const consent of list) {
    const state = consentStateOn(consent, today);
    if (state === 'withdrawn') summary.withdrawn += 1;
    if (state !== 'valid') continue;
    summary.valid += 1;
    if (consent.validUntil !== null && consent.validUntil <= soon) summary.expiringSoon += 1;
  }
  return summary;
}

/** The summaries of several people in one query. */
export async function consentSummaries(
  db: DbOrTx,
  orgId: string,
  personIds: readonly string[],
  today: string,
): Promise<Map<string, ConsentSummary>> {
  const result = new Map<string, ConsentSummary>();
  if (personIds.length === 0) return result;
  const rows = await db
    .select()
    .from(consents)
    .where(and(eq(consents.orgId, orgId), inArray(consents.personId, [...personIds])));
  const byPerson = Map.groupBy(rows.map(gateConsent), (c) => c.personId);
  for (const id of personIds) result.set(id, summarize(byPerson.get(id) ?? [], today));
  return result;
}
