import type { Language } from '@nahbar/common';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { people, postPeople, posts } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { orgDay } from './org-day.ts';
import { checkPersonIds, type PersonRef, personRef } from './person-refs.ts';

export type PostPeople = { named: PersonRef[] };

async function postOf(db: DbOrTx, orgId: string, postId: string) {
  const [post] = await db
    .select({ id: posts.id, authorId: posts.authorId })
    .from(posts)
    .where(and(eq(posts.orgId, orgId), eq(posts.id, postId)));
  if (!post) throw new AppError('not_found');
  return post;
}

/** The people named in a post's text. */
export async function getPostPeople(db: DbOrTx, orgId: string, postId: string, now: Date): Promise<PostPeople> {
  await postOf(db, orgId, postId);
  const { today, rules } = await orgDay(db, orgId, now);
  const rows = await db
    .select({ id: people.id, displayName: people.displayName, birthDate: people.birthDate, ageBand: people.ageBand })
    .from(postPeople)
    .innerJoin(people, eq(people.id, postPeople.personId))
    .where(eq(postPeople.postId, postId))
    .orderBy(asc(people.displayName), asc(people.id));
  return { named: rows.map((row) => personRef(row, today, rules)) };
}

/** Replaces the named people. Contributors only on their own posts, as with the text itself. */
export async function setPostPeople(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor & { orgId: string; language: Language; canPublish: boolean },
  postId: string,
  named: string[],
): Promise<PostPeople> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const post = await postOf(tx, actor.orgId, postId);
    if (!actor.canPublish && post.authorId !== actor.userId) throw new AppError('forbidden');
    await checkPersonIds(tx, actor.orgId, named, (i) => `named.${i}`, actor.language);
    await tx.delete(postPeople).where(eq(postPeople.postId, postId));
    if (named.length > 0) {
      await tx.insert(postPeople).values(named.map((personId) => ({ postId, personId, orgId: actor.orgId })));
    }
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'post.people_named',
      targetType: 'post',
      targetId: postId,
      details: { personIds: named },
    });
    return getPostPeople(tx, actor.orgId, postId, now);
  });
}
