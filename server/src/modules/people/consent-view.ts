import { type Consent, consentStateOn, type GateConsent, type GatePerson, type Signatory } from '@nahbar/common';
import type { consents, people } from '../../db/schema/index.ts';

export type ConsentRow = typeof consents.$inferSelect;

/** A register row as the gate reads it. */
export function gatePerson(row: typeof people.$inferSelect): GatePerson {
  return {
    id: row.id,
    displayName: row.displayName,
    birthDate: row.birthDate,
    ageBand: row.ageBand as GatePerson['ageBand'],
    guardianCount: row.guardians.length,
    jointCustody: row.jointCustody,
  };
}

/** The row as the gate reads it. */
export function gateConsent(row: ConsentRow): GateConsent {
  return {
    personId: row.personId,
    purpose: row.purpose as GateConsent['purpose'],
    networks: row.networks,
    channelIds: row.channelIds,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    givenBy: row.givenBy as Signatory[],
    withdrawnOn: row.withdrawnOn,
  };
}

/** A consent as the API shows it; the status is the one of `today` in the organisation's zone. */
export function consentView(row: ConsentRow, today: string, recordedByName: string | null): Consent {
  return {
    id: row.id,
    personId: row.personId,
    purpose: row.purpose as Consent['purpose'],
    networks: row.networks as Consent['networks'],
    channelIds: row.channelIds,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    form: row.form as Consent['form'],
    givenBy: row.givenBy as Signatory[],
    mediaId: row.mediaId,
    hasEvidence: row.evidenceKey !== null,
    source: row.source as Consent['source'],
    withdrawal:
      row.withdrawnOn && row.withdrawnBy && row.withdrawnHow
        ? {
            on: row.withdrawnOn,
            by: row.withdrawnBy as NonNullable<Consent['withdrawal']>['by'],
            how: row.withdrawnHow as NonNullable<Consent['withdrawal']>['how'],
            note: row.withdrawalNote,
            recordedAt: (row.withdrawalRecordedAt ?? row.createdAt).toISOString(),
          }
        : null,
    status: consentStateOn(gateConsent(row), today),
    recordedByName,
    createdAt: row.createdAt.toISOString(),
  };
}
