import type { PeopleStatus } from '@nahbar/common';
import type { Db } from '../../db/open.ts';
import { consents, mediaPeople, mediaPeopleReviews, people, postPeople } from '../../db/schema/index.ts';

// Register rows as the people module writes them, straight into the database: these tests are
// about the gate and what withdrawals set in motion, not about recording people.

export type PersonOptions = {
  displayName?: string;
  birthDate?: string | null;
  ageBand?: 'under_14' | '14_17' | 'adult' | null;
  guardians?: number;
  jointCustody?: boolean;
};

export async function createPerson(db: Db, orgId: string, options: PersonOptions = {}) {
  const guardians = Array.from({ length: options.guardians ?? 0 }, (_, i) => ({
    name: `Elternteil ${i + 1}`,
    contact: null,
  }));
  const [row] = await db
    .insert(people)
    .values({
      orgId,
      displayName: options.displayName ?? 'Lena K.',
      kind: 'client',
      birthDate: options.birthDate === undefined ? null : options.birthDate,
      ageBand: options.ageBand === undefined ? (options.birthDate ? null : 'adult') : options.ageBand,
      guardians,
      jointCustody: options.jointCustody ?? false,
    })
    .returning();
  return row!;
}

export type ConsentOptions = {
  purpose?: 'social_media' | 'website' | 'print' | 'press';
  networks?: string[];
  channelIds?: string[];
  validFrom?: string;
  validUntil?: string | null;
  givenBy?: string[];
  recordedBy?: string | null;
  evidenceKey?: string | null;
};

export async function addConsent(db: Db, orgId: string, personId: string, options: ConsentOptions = {}) {
  const [row] = await db
    .insert(consents)
    .values({
      orgId,
      personId,
      purpose: options.purpose ?? 'social_media',
      networks: options.networks ?? [],
      channelIds: options.channelIds ?? [],
      validFrom: options.validFrom ?? '2020-01-01',
      validUntil: options.validUntil ?? null,
      form: 'written',
      givenBy: options.givenBy ?? ['person'],
      recordedBy: options.recordedBy ?? null,
      evidenceKey: options.evidenceKey ?? null,
      evidenceMime: options.evidenceKey ? 'application/pdf' : null,
    })
    .returning();
  return row!;
}

/** The review of an image: its status and, for "tagged" (or any), who it shows. */
export async function reviewImage(
  db: Db,
  orgId: string,
  mediaId: string,
  status: PeopleStatus,
  personIds: string[] = [],
  reason: string | null = null,
) {
  if (status !== 'unreviewed') await db.insert(mediaPeopleReviews).values({ mediaId, orgId, status, reason });
  for (const personId of personIds) await db.insert(mediaPeople).values({ mediaId, personId, orgId });
}

export async function namePeople(db: Db, orgId: string, postId: string, personIds: string[]) {
  for (const personId of personIds) await db.insert(postPeople).values({ postId, personId, orgId });
}
