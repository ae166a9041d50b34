import type { Language, MediaPeople, SetMediaPeopleInput } from '@nahbar/common';
import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { media, mediaPeople, mediaPeopleReviews, people, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { mediaUrl } from '../media/public-media.ts';
import { mediaRow } from '../media/stored-bytes.ts';
import { orgDay } from './org-day.ts';
import { personRow } from './people-service.ts';
import { checkPersonIds, personRef } from './person-refs.ts';

// Who an image shows. No review row means nobody has looked: "unreviewed", never "nobody".

export async function getMediaPeople(db: DbOrTx, orgId: string, mediaId: string, now: Date): Promise<MediaPeople> {
  await mediaRow(db, orgId, mediaId);
  const { today, rules } = await orgDay(db, orgId, now);
  const [review] = await db
    .select({ review: mediaPeopleReviews, name: users.name })
    .from(mediaPeopleReviews)
    .leftJoin(users, eq(users.id, mediaPeopleReviews.reviewedBy))
    .where(eq(mediaPeopleReviews.mediaId, mediaId));
  const tagged = await db
    .select({ person: people, box: mediaPeople.box })
    .from(mediaPeople)
    .innerJoin(people, eq(people.id, mediaPeople.personId))
    .where(eq(mediaPeople.mediaId, mediaId))
    .orderBy(asc(mediaPeople.createdAt), asc(people.displayName));
  return {
    mediaId,
    status: (review?.review.status as MediaPeople['status'] | undefined) ?? 'unreviewed',
    reason: review?.review.reason ?? null,
    people: tagged.map(({ person, box }) => {
      const ref = personRef(person, today, rules);
      return { personId: ref.id, displayName: ref.displayName, ageGroup: ref.ageGroup, box: box ?? null };
    }),
    reviewedByName: review?.name ?? null,
    reviewedAt: review?.review.reviewedAt.toISOString() ?? null,
  };
}

/** Replaces the tags and the review in one transaction. */
export async function setMediaPeople(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor & { orgId: string; language: Language },
  mediaId: string,
  input: SetMediaPeopleInput,
): Promise<MediaPeople> {
  const now = deps.clock();
  const tags = input.people ?? [];
  return deps.db.transaction(async (tx) => {
    const row = await mediaRow(tx, actor.orgId, mediaId);
    if (row.kind === 'captions') throw new AppError('media_not_image');
    await checkPersonIds(
      tx,
      actor.orgId,
      tags.map((p) => p.personId),
      (i) => `people.${i}.personId`,
      actor.language,
    );
    await tx.delete(mediaPeople).where(eq(mediaPeople.mediaId, mediaId));
    if (tags.length > 0) {
      await tx
        .insert(mediaPeople)
        .values(tags.map((p) => ({ mediaId, personId: p.personId, orgId: actor.orgId, box: p.box ?? null })));
    }
    const review = {
      status: input.status,
      reason: input.status === 'tagged' ? null : (input.reason ?? null),
      reviewedBy: actor.userId,
      reviewedAt: now,
    };
    await tx
      .insert(mediaPeopleReviews)
      .values({ mediaId, orgId: actor.orgId, ...review })
      .onConflictDoUpdate({ target: mediaPeopleReviews.mediaId, set: review });
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'media.people_tagged',
      targetType: 'media',
      targetId: mediaId,
      details: { status: input.status, personIds: tags.map((p) => p.personId) },
    });
    return getMediaPeople(tx, actor.orgId, mediaId, now);
  });
}

export type PersonMedia = {
  items: { mediaId: string; thumbUrl: string | null; box: MediaPeople['people'][number]['box']; taggedAt: string }[];
};

/** The images a person is tagged in, newest tag first. */
export async function personMedia(db: DbOrTx, orgId: string, personId: string): Promise<PersonMedia> {
  await personRow(db, orgId, personId);
  const rows = await db
    .select({ mediaId: mediaPeople.mediaId, kind: media.kind, box: mediaPeople.box, at: mediaPeople.createdAt })
    .from(mediaPeople)
    .innerJoin(media, eq(media.id, mediaPeople.mediaId))
    .where(eq(mediaPeople.personId, personId))
    .orderBy(desc(mediaPeople.createdAt), asc(mediaPeople.mediaId));
  return {
    items: rows.map((r) => ({
      mediaId: r.mediaId,
      thumbUrl: r.kind === 'image' ? `${mediaUrl(orgId, r.mediaId)}/thumb` : null,
      box: r.box ?? null,
      taggedAt: r.at.toISOString(),
    })),
  };
}
