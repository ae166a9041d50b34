import { afterEdit, isMinorTextEdit, type PostSnapshot } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/open.ts';
import { postReviews, postVersions, reviewDecisions } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/service.ts';
import type { Notified } from '../notifications/notify.ts';
import { latestReview, notifyStepDeciders, openReview, policyForPost, type ReviewRow } from './review-lifecycle.ts';

// An edit to a post under review or approved: the reviewers approved words, pictures and
// channels, not whatever the post says later. So a content change sends it back to the first
// step — unless the policy lets an approver's own small correction keep the approval. Runs in
// the edit's transaction, after the new version is saved.

export type PostEdit = {
  orgId: string;
  postId: string;
  editorId: string | null;
  before: PostSnapshot;
  after: PostSnapshot;
  /** The version the edit started from, and the one it saved. */
  beforeVersion: number;
  version: number;
  now: Date;
};

const mediaKey = (s: PostSnapshot) => JSON.stringify(s.media.map((m) => [m.mediaId, m.alt, m.captionMediaId ?? null]));
const channelKey = (s: PostSnapshot) => JSON.stringify(s.targets.map((t) => t.channelId).sort());
const wording = (s: PostSnapshot) =>
  [
    s.text,
    ...[...s.targets]
      .sort((a, b) => a.channelId.localeCompare(b.channelId))
      .map((t) => `${t.contentWarning ?? ''}|${t.text ?? ''}`),
  ].join('\n');

/** Text, variants (text, content warning), media and their alt texts, channels. */
export function contentChanged(before: PostSnapshot, after: PostSnapshot): boolean {
  return (
    wording(before) !== wording(after) ||
    mediaKey(before) !== mediaKey(after) ||
    channelKey(before) !== channelKey(after)
  );
}

/** Small wording fixes only: same media (with alts) and channels, little text changed. */
export function isMinorEdit(before: PostSnapshot, after: PostSnapshot): boolean {
  if (mediaKey(before) !== mediaKey(after) || channelKey(before) !== channelKey(after)) return false;
  return isMinorTextEdit(wording(before), wording(after));
}

/**
 * Autosaves by one person within minutes share a version row, renumbered on each save. The
 * version a review was submitted or approved at must survive that (the diff compares with it):
 * when the save folded it away, it is written back from the snapshot taken before the edit.
 */
async function keepReviewedVersion(tx: Tx, edit: PostEdit, review: ReviewRow): Promise<void> {
  if (review.submittedVersion !== edit.beforeVersion && review.approvedVersion !== edit.beforeVersion) return;
  const [kept] = await tx
    .select({ version: postVersions.version })
    .from(postVersions)
    .where(and(eq(postVersions.postId, edit.postId), eq(postVersions.version, edit.beforeVersion)));
  if (kept) return;
  const [folded] = await tx
    .select({ authorId: postVersions.authorId, createdAt: postVersions.createdAt })
    .from(postVersions)
    .where(and(eq(postVersions.postId, edit.postId), eq(postVersions.version, edit.version)));
  await tx.insert(postVersions).values({
    postId: edit.postId,
    version: edit.beforeVersion,
    orgId: edit.orgId,
    authorId: folded?.authorId ?? edit.editorId,
    snapshot: edit.before,
    createdAt: folded?.createdAt ?? edit.now,
    updatedAt: edit.now,
  });
}

/** Keep or restart the post's review after an edit; returns the notifications to deliver after commit. */
export async function onPostEdited(deps: Deps, tx: Tx, edit: PostEdit): Promise<Notified | null> {
  const review = await latestReview(tx, edit.orgId, edit.postId);
  if (!review) return null;
  await keepReviewedVersion(tx, edit, review);
  if (review.status !== 'in_review' && review.status !== 'approved') return null;
  const keepApproval = async () => {
    if (review.approvedVersion === null) return;
    await tx.update(postReviews).set({ approvedVersion: edit.version }).where(eq(postReviews.id, review.id));
  };
  // Tags, language, the planned date: nothing a reviewer signed off on.
  if (!contentChanged(edit.before, edit.after)) {
    await keepApproval();
    return null;
  }
  const approvals = edit.editorId
    ? await tx
        .select({ id: reviewDecisions.id })
        .from(reviewDecisions)
        .where(
          and(
            eq(reviewDecisions.reviewId, review.id),
            eq(reviewDecisions.userId, edit.editorId),
            eq(reviewDecisions.decision, 'approve'),
          ),
        )
    : [];
  const outcome = afterEdit({
    status: review.status,
    editorApproved: approvals.length > 0,
    minorEditsKeepApproval: review.minorEditsKeepApproval,
    minor: isMinorEdit(edit.before, edit.after),
  });
  if (outcome === 'keep') {
    await keepApproval();
    return null;
  }
  // A new round from step 0 with the same plan; the edit may have changed which policy applies.
  const chosen = await policyForPost(tx, edit.orgId, edit.postId, edit.now);
  const policy = chosen.policy ?? {
    id: review.policyId,
    name: review.policyName,
    steps: review.steps,
    minorEditsKeepApproval: review.minorEditsKeepApproval,
  };
  const next = await openReview(tx, {
    orgId: edit.orgId,
    postId: edit.postId,
    policy,
    when: review.when,
    // Still the suggestion of whoever submitted it: the editor only changed it.
    submittedBy: review.submittedBy ?? edit.editorId,
    version: edit.version,
    now: edit.now,
  });
  await recordAudit(
    tx,
    { userId: edit.editorId, ip: null },
    {
      orgId: edit.orgId,
      action: 'review.restarted',
      targetType: 'review',
      targetId: next.id,
      details: { postId: edit.postId, previousReviewId: review.id, version: edit.version },
    },
  );
  return notifyStepDeciders(deps, tx, next, 0);
}
