import type { Consent, CreateConsentInput, FieldError, Guardian, Language } from '@nahbar/common';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, consents, media, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type ConsentRow, consentView } from './consent-view.ts';
import { orgDay } from './org-day.ts';
import { personRow } from './people-service.ts';

type OrgActor = Actor & { orgId: string; language: Language };

/** One person's consents, newest first, each with today's status. */
export async function listConsents(
  deps: Pick<Deps, 'db' | 'clock'>,
  orgId: string,
  personId: string,
): Promise<{ items: Consent[] }> {
  await personRow(deps.db, orgId, personId);
  const { today } = await orgDay(deps.db, orgId, deps.clock());
  const rows = await consentRowsOf(deps.db, orgId, [personId]);
  return { items: rows.map(({ row, name }) => consentView(row, today, name)) };
}

/** Consents with the recorder's name, newest first. */
export async function consentRowsOf(
  db: DbOrTx,
  orgId: string,
  personIds: string[],
): Promise<{ row: ConsentRow; name: string | null }[]> {
  if (personIds.length === 0) return [];
  return db
    .select({ row: consents, name: users.name })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.recordedBy))
    .where(and(eq(consents.orgId, orgId), inArray(consents.personId, personIds)))
    .orderBy(desc(consents.createdAt), desc(consents.id));
}

/** One consent of this organisation, or 404. */
export async function consentRow(db: DbOrTx, orgId: string, consentId: string): Promise<ConsentRow> {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.orgId, orgId), eq(consents.id, consentId)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createConsent(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: OrgActor,
  personId: string,
  input: CreateConsentInput,
): Promise<Consent> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const person = await personRow(tx, actor.orgId, personId);
    await checkConsentInput(tx, actor, person.guardians, input);
    const [row] = await tx
      .insert(consents)
      .values({
        orgId: actor.orgId,
        personId,
        purpose: input.purpose,
        networks: input.networks ?? [],
        channelIds: [...new Set(input.channelIds ?? [])],
        validFrom: input.validFrom,
        validUntil: input.validUntil ?? null,
        form: input.form,
        givenBy: input.givenBy,
        mediaId: input.mediaId ?? null,
        source: 'manual',
        recordedBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'consent.recorded',
      targetType: 'consent',
      targetId: row.id,
      details: { personId, purpose: row.purpose },
    });
    const [recorder] = actor.userId
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId))
      : [];
    const { today } = await orgDay(tx, actor.orgId, now);
    return consentView(row, today, recorder?.name ?? null);
  });
}

const text = (de: string, en: string) => ({ de, en });

/** Scope and signatories must fit the organisation and the person; every finding at once. */
async function checkConsentInput(
  db: DbOrTx,
  actor: OrgActor,
  guardians: Guardian[],
  input: CreateConsentInput,
): Promise<void> {
  const errors: FieldError[] = [];
  const add = (field: string, code: string, message: { de: string; en: string }) =>
    errors.push(fieldError(field, code, message, actor.language));
  const networks = input.networks ?? [];
  const channelIds = [...new Set(input.channelIds ?? [])];
  if (input.purpose !== 'social_media' && networks.length > 0) {
    add(
      'networks',
      'social_media_only',
      text('Netzwerke gibt es nur bei Social Media.', 'Networks only apply to social media.'),
    );
  }
  if (channelIds.length > 0) {
    const found = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.orgId, actor.orgId), inArray(channels.id, channelIds)));
    if (found.length !== channelIds.length) {
      add('channelIds', 'unknown_channel', text('Unbekannter Kanal.', 'Unknown channel.'));
    }
  }
  if (input.mediaId) {
    const [found] = await db
      .select({ id: media.id })
      .from(media)
      .where(and(eq(media.orgId, actor.orgId), eq(media.id, input.mediaId)));
    if (!found) add('mediaId', 'unknown_media', text('Unbekanntes Bild.', 'Unknown picture.'));
  }
  input.givenBy.forEach((who, i) => {
    if (input.givenBy.indexOf(who) !== i) {
      add(`givenBy.${i}`, 'duplicate', text('Doppelt angegeben.', 'Given twice.'));
    } else if (who === 'guardian_1' && guardians.length < 1) {
      add(
        `givenBy.${i}`,
        'no_guardian',
        text('Für diese Person sind keine Sorgeberechtigten eingetragen.', 'This person has no guardians on record.'),
      );
    } else if (who === 'guardian_2' && guardians.length < 2) {
      add(
        `givenBy.${i}`,
        'no_second_guardian',
        text(
          'Für diese Person ist kein zweiter Sorgeberechtigter eingetragen.',
          'This person has no second guardian on record.',
        ),
      );
    }
  });
  if (errors.length > 0) throw new AppError('input_invalid', errors);
}
