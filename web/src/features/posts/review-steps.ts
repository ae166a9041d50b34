import { missingRoles, type Review, type ReviewDecision, type StepRole } from '@nahbar/common';

export type StepState = 'done' | 'current' | 'stopped' | 'waiting';

export type StepView = {
  index: number;
  name: string;
  mode: 'any' | 'all';
  roles: StepRole[];
  state: StepState;
  /** The approvals given in this step, oldest first. */
  approvals: ReviewDecision[];
  /** "all" steps: how many of the listed roles have approved. */
  covered: number;
  total: number;
};

/**
 * Each step as the stepper shows it: done, the one waiting now, the one where the review was
 * sent back (stopped), or still to come. Counting comes from the shared state machine.
 */
export function stepViews(review: Pick<Review, 'steps' | 'status' | 'currentStep' | 'decisions'>): StepView[] {
  return review.steps.map((step, index) => {
    const missing = missingRoles(step, review.decisions, index);
    const total = step.mode === 'all' ? step.roles.length : 1;
    return {
      index,
      name: step.name,
      mode: step.mode,
      roles: step.roles,
      state: stateOf(review, index),
      approvals: review.decisions.filter((d) => d.step === index && d.decision === 'approve'),
      covered: step.mode === 'all' ? total - missing.length : missing.length === 0 ? 1 : 0,
      total,
    };
  });
}

function stateOf(review: Pick<Review, 'status' | 'currentStep'>, index: number): StepState {
  if (review.status === 'approved' || index < review.currentStep) return 'done';
  if (index > review.currentStep) return 'waiting';
  if (review.status === 'in_review') return 'current';
  return review.status === 'withdrawn' ? 'waiting' : 'stopped';
}

export type PlanAction = 'plan' | 'submit';

/**
 * What the composer's plan button does. Contributors always submit; others plan unless a policy
 * applies and the latest review has not approved exactly the version on screen.
 */
export function planAction(input: {
  canPublish: boolean;
  needsPolicy: boolean;
  review: Pick<Review, 'status' | 'approvedVersion'> | null | undefined;
  version: number | null;
}): PlanAction {
  if (!input.canPublish) return 'submit';
  if (!input.needsPolicy) return 'plan';
  const approved = input.review?.status === 'approved' && input.review.approvedVersion === input.version;
  return approved ? 'plan' : 'submit';
}
