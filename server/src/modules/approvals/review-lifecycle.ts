import { type ApprovalStep, can, choosePolicy, policyMatches, type Role, type When } from '@nahbar/common';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/open.ts';
import { approvalPolicies, memberships, postReviews, posts, postTargets, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { postPeopleFacts } from '../consent/gate-context.ts';
import { type Notified, notify } from '../notifications/notify.ts';
import { excerpt } from '../notifications/publish-failed.ts';
import { orgMembersWithRoles } from '../notifications/recipients.ts';

// The pieces every way into a review shares — submit, decide, an edit that restarts, an
// external link: which policy a post needs, opening a round, telling a step's deciders.

export type ReviewRow = typeof postReviews.$inferSelect;

export type PolicyChoice = {
  policy: { id: string | null; name: string; steps: ApprovalStep[]; minorEditsKeepApproval: boolean } | null;
  /** Rule keys that matched: "always", "peopleDepicted", "minorsDepicted", "tag:x", "channel", "contributorDefault", "fallback". */
  matched: string[];
};

/** A contributor's suggestion that nothing matches still goes past the Redaktion. */
export const FALLBACK_STEP: ApprovalStep = {
  name: 'Redaktion',
  roles: ['editor', 'admin', 'owner'],
  mode: 'any',
  deadlineHours: null,
};

/** Contributors only: they may not publish (no editor, admin or owner role besides). */
export function isContributorOnly(roles: readonly Role[]): boolean {
  return roles.includes('contributor') && !can(roles, 'posts.publish');
}

export async function memberRoles(db: DbOrTx, orgId: string, userId: string | null): Promise<Role[]> {
  if (!userId) return [];
  const [row] = await db
    .select({ roles: memberships.roles })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return (row?.roles ?? []) as Role[];
}

/** The policy a post needs now (strictest match wins), and why. Unknown post: 404. */
export async function policyForPost(
  db: DbOrTx,
  orgId: string,
  postId: string,
  at: Date = new Date(),
): Promise<PolicyChoice> {
  const [post] = await db
    .select({ authorId: posts.authorId, tags: posts.tags })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, orgId)));
  if (!post) throw new AppError('not_found');
  const targets = await db
    .select({ channelId: postTargets.channelId })
    .from(postTargets)
    .where(eq(postTargets.postId, postId));
  const people = await postPeopleFacts(db, orgId, postId, at);
  const facts = {
    authorIsContributor: isContributorOnly(await memberRoles(db, orgId, post.authorId)),
    peopleDepicted: people.personIds.length > 0,
    minorsDepicted: people.showsMinor,
    tags: post.tags.map((t) => t.toLowerCase()),
    channelIds: targets.map((t) => t.channelId),
  };
  const rows = await db
    .select()
    .from(approvalPolicies)
    .where(eq(approvalPolicies.orgId, orgId))
    .orderBy(asc(approvalPolicies.createdAt));
  const chosen = choosePolicy(
    rows.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    facts,
  );
  if (chosen) {
    const r = chosen.rules;
    const matched = policyMatches(r, facts)
      ? [
          ...(r.always ? ['always'] : []),
          ...(r.peopleDepicted && facts.peopleDepicted ? ['peopleDepicted'] : []),
          ...(r.minorsDepicted && facts.minorsDepicted ? ['minorsDepicted'] : []),
          ...r.tags.filter((t) => facts.tags.includes(t)).map((t) => `tag:${t}`),
          ...(r.channelIds.some((id) => facts.channelIds.includes(id)) ? ['channel'] : []),
        ]
      : ['contributorDefault'];
    const { id, name, steps, minorEditsKeepApproval } = chosen;
    return { policy: { id, name, steps, minorEditsKeepApproval }, matched };
  }
  if (!facts.authorIsContributor) return { policy: null, matched: [] };
  return {
    policy: { id: null, name: FALLBACK_STEP.name, steps: [FALLBACK_STEP], minorEditsKeepApproval: false },
    matched: ['fallback'],
  };
}

/** Targets a new round holds back until it is approved. */
const HELD_FOR_REVIEW = ['draft', 'failed', 'held', 'cancelled', 'scheduled', 'approved'];

/**
 * A new round from step 0: an earlier open or approved round of the post is withdrawn, the
 * policy's steps are snapshotted, and the targets wait in 'in_review'.
 */
export async function openReview(
  tx: Tx,
  input: {
    orgId: string;
    postId: string;
    policy: NonNullable<PolicyChoice['policy']>;
    when: When | null;
    submittedBy: string | null;
    version: number;
    now?: Date;
  },
): Promise<ReviewRow> {
  const now = input.now ?? new Date();
  await tx
    .update(postReviews)
    .set({ status: 'withdrawn', closedAt: now })
    .where(and(eq(postReviews.postId, input.postId), eq(postReviews.orgId, input.orgId), isNull(postReviews.closedAt)));
  const [row] = await tx
    .insert(postReviews)
    .values({
      orgId: input.orgId,
      postId: input.postId,
      policyId: input.policy.id,
      policyName: input.policy.name,
      steps: input.policy.steps,
      minorEditsKeepApproval: input.policy.minorEditsKeepApproval,
      status: 'in_review',
      currentStep: 0,
      submittedBy: input.submittedBy,
      submittedAt: now,
      submittedVersion: input.version,
      stepStartedAt: now,
      when: input.when,
    })
    .returning();
  await tx
    .update(postTargets)
    .set({ state: 'in_review', dueAt: null, updatedAt: now })
    .where(and(eq(postTargets.postId, input.postId), inArray(postTargets.state, HELD_FOR_REVIEW)));
  return row!;
}

/** Current members holding one of the step's roles, the post's author never among them. */
export async function stepDeciders(
  db: DbOrTx,
  orgId: string,
  step: ApprovalStep | undefined,
  authorId: string | null,
): Promise<string[]> {
  if (!step) return [];
  const roles = step.roles.filter((r): r is Role => r !== 'external');
  if (roles.length === 0) return [];
  return (await orgMembersWithRoles(db, orgId, roles)).filter((id) => id !== authorId);
}

/** review_requested to whoever may decide this step; deliver with deliverNotified after commit. */
export async function notifyStepDeciders(deps: Deps, tx: Tx, review: ReviewRow, stepIndex: number): Promise<Notified> {
  const [post] = await tx
    .select({ text: posts.text, authorId: posts.authorId, authorName: users.name })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, review.postId));
  if (!post) return { ids: [], immediate: [] };
  const userIds = await stepDeciders(tx, review.orgId, review.steps[stepIndex], post.authorId);
  return notify(
    deps,
    {
      orgId: review.orgId,
      userIds,
      type: 'review_requested',
      params: { author: post.authorName ?? '', post: excerpt(post.text) },
      link: `/beitraege/${review.postId}`,
    },
    tx,
  );
}

/** The post's newest round, or null. An approved round stays open (closedAt null): an edit may restart it. */
export async function latestReview(db: DbOrTx, orgId: string, postId: string): Promise<ReviewRow | null> {
  const [row] = await db
    .select()
    .from(postReviews)
    .where(and(eq(postReviews.postId, postId), eq(postReviews.orgId, orgId)))
    // The open round first (two rounds may share a timestamp under a frozen clock).
    .orderBy(sql`${postReviews.closedAt} is null desc`, desc(postReviews.submittedAt), desc(postReviews.closedAt))
    .limit(1);
  return row ?? null;
}

export { reviewView } from './review-view.ts';
