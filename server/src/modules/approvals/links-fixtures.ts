import type { ApprovalStep, When } from '@nahbar/common';
import { postReviews, reviewDecisions } from '../../db/schema/index.ts';
import type { TestApp } from '../../test/harness.ts';

// Review rounds written directly, for the tests of what stands on them (comments, diff,
// timeline, links, edits after approval): how a round comes about is the submit tests' job.

export const EXTERNAL_STEP: ApprovalStep = {
  name: 'Vorstand',
  roles: ['approver', 'external'],
  mode: 'any',
  deadlineHours: null,
};
export const LEITUNG: ApprovalStep = { name: 'Leitung', roles: ['approver'], mode: 'any', deadlineHours: null };

export async function addReview(
  t: TestApp,
  orgId: string,
  postId: string,
  r: {
    steps?: ApprovalStep[];
    status?: 'in_review' | 'approved' | 'changes_requested';
    version?: number;
    approvedVersion?: number | null;
    minorEditsKeepApproval?: boolean;
    when?: When | null;
    submittedBy?: string | null;
    stepStartedAt?: Date;
  } = {},
) {
  const steps = r.steps ?? [EXTERNAL_STEP];
  const status = r.status ?? 'in_review';
  const [row] = await t.db
    .insert(postReviews)
    .values({
      orgId,
      postId,
      policyName: 'Test',
      steps,
      minorEditsKeepApproval: r.minorEditsKeepApproval ?? false,
      status,
      currentStep: status === 'approved' ? steps.length : 0,
      submittedBy: r.submittedBy ?? null,
      submittedVersion: r.version ?? 1,
      approvedVersion: r.approvedVersion ?? (status === 'approved' ? (r.version ?? 1) : null),
      when: r.when ?? { mode: 'draft' },
      ...(r.stepStartedAt && { stepStartedAt: r.stepStartedAt }),
    })
    .returning();
  return row!;
}

export async function addApproval(t: TestApp, orgId: string, reviewId: string, userId: string, step = 0, version = 1) {
  await t.db.insert(reviewDecisions).values({
    orgId,
    reviewId,
    step,
    userId,
    name: 'Anna Approver',
    role: 'approver',
    decision: 'approve',
    version,
  });
}
