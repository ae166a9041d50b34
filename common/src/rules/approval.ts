// The approval state machine: which policy a post needs, who may decide a step, what a decision
// or an edit does to a review, and when a step is overdue. Pure, so the web shows exactly what
// the server enforces.

import type {
  ApprovalPolicy,
  ApprovalStep,
  DECIDE_REFUSALS,
  DecisionKind,
  PolicyRules,
  ReviewStatus,
  StepRole,
} from '../schemas/approvals.ts';
import type { Role } from './roles.ts';

export type PostFacts = {
  authorIsContributor: boolean;
  peopleDepicted: boolean;
  minorsDepicted: boolean;
  tags: readonly string[];
  channelIds: readonly string[];
};

type PolicyLike = Pick<ApprovalPolicy, 'id' | 'steps' | 'rules' | 'active'> & { createdAt: string };

/** Does a policy's rule set apply to this post? (contributorDefault is a fallback, not a match.) */
export function policyMatches(rules: PolicyRules, facts: PostFacts): boolean {
  if (rules.always) return true;
  if (rules.peopleDepicted && facts.peopleDepicted) return true;
  if (rules.minorsDepicted && facts.minorsDepicted) return true;
  // Both sides lowered: rules stored before the schema lowered them still match.
  const tags = new Set(facts.tags.map((t) => t.trim().toLowerCase()));
  if (rules.tags.some((t) => tags.has(t.trim().toLowerCase()))) return true;
  return rules.channelIds.some((id) => facts.channelIds.includes(id));
}

/** More steps is stricter; then more "all" steps; then more roles to satisfy. */
export function strictness(steps: readonly ApprovalStep[]): [number, number, number] {
  const all = steps.filter((s) => s.mode === 'all');
  return [steps.length, all.length, all.reduce((n, s) => n + s.roles.length, 0)];
}

function compareStrictness(a: readonly ApprovalStep[], b: readonly ApprovalStep[]): number {
  const [x, y] = [strictness(a), strictness(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
  return 0;
}

/**
 * The policy a post needs, or null when it may be scheduled without review. The strictest
 * matching active policy wins (ties: the older one); a contributor's suggestion falls back to
 * the contributors' default.
 */
export function choosePolicy<P extends PolicyLike>(policies: readonly P[], facts: PostFacts): P | null {
  const active = policies.filter((p) => p.active && p.steps.length > 0);
  // Compare instants, not strings: "…+02:00" and "…Z" sort wrongly as text.
  const byStrictness = (a: P, b: P) =>
    compareStrictness(a.steps, b.steps) || Date.parse(a.createdAt) - Date.parse(b.createdAt);
  // A contributor's suggestion is also matched by the contributors' default; the strictest wins.
  const applies = (p: P) => policyMatches(p.rules, facts) || (facts.authorIsContributor && p.rules.contributorDefault);
  return active.filter(applies).sort(byStrictness)[0] ?? null;
}

export type Decision = {
  step: number;
  userId: string | null;
  role: StepRole | null;
  decision: DecisionKind;
  /** Decisions of earlier rounds (before a restart) are not passed in. */
};

export type Decider = { userId: string | null; roles: readonly (Role | 'external')[] };

export type DecideCheck = { ok: true; role: StepRole } | { ok: false; refusal: (typeof DECIDE_REFUSALS)[number] };

/** Roles of one step still waiting for an approval. */
export function missingRoles(step: ApprovalStep, decisions: readonly Decision[], stepIndex: number): StepRole[] {
  const approvals = decisions.filter((d) => d.step === stepIndex && d.decision === 'approve');
  if (step.mode === 'any') return approvals.length > 0 ? [] : [...step.roles];
  const covered = new Set(approvals.map((d) => d.role));
  return step.roles.filter((r) => !covered.has(r));
}

/**
 * May this person decide the current step, and for which role? Four-eyes: the post's author
 * never decides, whatever their roles. A person decides a step once; in an "all" step their
 * approval counts for one role still missing.
 */
export function canDecide(input: {
  status: ReviewStatus;
  steps: readonly ApprovalStep[];
  currentStep: number;
  decisions: readonly Decision[];
  authorId: string | null;
  decider: Decider;
}): DecideCheck {
  const { steps, currentStep, decisions, decider } = input;
  const step = steps[currentStep];
  if (input.status !== 'in_review' || !step) return { ok: false, refusal: 'not_open' };
  if (decider.userId !== null && decider.userId === input.authorId) return { ok: false, refusal: 'author' };
  // 'external' belongs to link reviewers (no account) only; members decide by their roles.
  const held = step.roles.filter((r) =>
    r === 'external' ? decider.userId === null && decider.roles.includes(r) : decider.roles.includes(r),
  );
  if (held.length === 0) return { ok: false, refusal: 'not_in_step' };
  const already = decisions.some(
    (d) => d.step === currentStep && decider.userId !== null && d.userId === decider.userId,
  );
  if (already) return { ok: false, refusal: 'already_decided' };
  if (step.mode === 'any') return { ok: true, role: held[0]! };
  const open = missingRoles(step, decisions, currentStep).filter((r) => held.includes(r));
  if (open.length === 0) return { ok: false, refusal: 'role_covered' };
  return { ok: true, role: open[0]! };
}

export type ReviewPosition = { status: ReviewStatus; currentStep: number };

/** Where a decision leaves the review. */
export function afterDecision(
  steps: readonly ApprovalStep[],
  position: ReviewPosition,
  decisions: readonly Decision[],
  decision: Decision,
): ReviewPosition & { stepAdvanced: boolean } {
  const { status, currentStep } = position;
  const step = steps[currentStep];
  const stay = { status, currentStep, stepAdvanced: false };
  if (status !== 'in_review' || !step) return stay;
  if (decision.decision === 'reject') return { ...stay, status: 'rejected' };
  if (decision.decision === 'request_changes') return { ...stay, status: 'changes_requested' };
  // A decision counts for the current step only, so one approval moves the review at most one
  // step on, even if approvals filed under later step indexes are lying around.
  if (missingRoles(step, [...decisions, decision], currentStep).length > 0) return stay;
  if (currentStep + 1 >= steps.length) return { status: 'approved', currentStep: steps.length, stepAdvanced: true };
  return { status: 'in_review', currentStep: currentStep + 1, stepAdvanced: true };
}

/**
 * An edit to a post under review or approved sends it back to the first step — unless the
 * policy lets an approver's own minor correction keep the approval.
 */
export function afterEdit(input: {
  status: ReviewStatus;
  editorApproved: boolean;
  minorEditsKeepApproval: boolean;
  minor: boolean;
}): 'keep' | 'restart' | 'unaffected' {
  if (input.status !== 'in_review' && input.status !== 'approved') return 'unaffected';
  if (input.minorEditsKeepApproval && input.editorApproved && input.minor) return 'keep';
  return 'restart';
}

/** Small wording fixes: at most 30 characters or a tenth of the text changed, media and channels the same. */
export function isMinorTextEdit(before: string, after: string): boolean {
  // A tenth of the text, at least 30 and at most 200 characters: bounded work on long posts.
  const limit = Math.min(200, Math.max(30, Math.floor(before.length / 10)));
  return editDistance(before, after, limit) <= limit;
}

/**
 * Levenshtein distance, stopping early once it passes `limit` (returns limit + 1 then). Posts
 * run to 20 000 characters and this runs on every edit of an approved post, so: the common
 * start and end are cut off first (a typo fix leaves a few characters), and only cells within
 * `limit` of the diagonal are computed (any other cell is already further than the limit).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let [endA, endB] = [a.length, b.length];
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];
  const [s, t] = [a.slice(head, endA), b.slice(head, endB)];
  const band = Math.min(limit, s.length + t.length);
  const far = band + 1;
  let previous = new Int32Array(t.length + 2);
  let current = new Int32Array(t.length + 2);
  for (let j = 0; j <= t.length + 1; j++) previous[j] = j <= band ? j : far;
  for (let i = 1; i <= s.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(t.length, i + band);
    current[from - 1] = from === 1 && i <= band ? i : far;
    let rowMin = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, far);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[to + 1] = far;
    if (rowMin > band) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[t.length]!, limit + 1);
}

/** When the current step's deadline passes (null: no deadline). */
export function stepDeadline(step: ApprovalStep | undefined, stepStartedAt: Date): Date | null {
  if (!step?.deadlineHours) return null;
  return new Date(stepStartedAt.getTime() + step.deadlineHours * 3_600_000);
}

export function isStepOverdue(step: ApprovalStep | undefined, stepStartedAt: Date, now: Date): boolean {
  const deadline = stepDeadline(step, stepStartedAt);
  return deadline !== null && now.getTime() > deadline.getTime();
}
