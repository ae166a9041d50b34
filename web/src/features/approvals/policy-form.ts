import { randomId } from '@mantine/hooks';
import type { ApprovalPolicy, StepRole } from '@nahbar/common';
import type { PolicyInput } from './approvals-api.ts';

/** One step as the dialog edits it: a stable key for React, an empty deadline while none is set. */
export type StepValues = {
  key: string;
  name: string;
  roles: StepRole[];
  mode: 'any' | 'all';
  deadlineHours: number | string;
};

export type PolicyValues = {
  name: string;
  steps: StepValues[];
  always: boolean;
  peopleDepicted: boolean;
  minorsDepicted: boolean;
  contributorDefault: boolean;
  tags: string[];
  channelIds: string[];
  minorEditsKeepApproval: boolean;
  active: boolean;
};

export const MAX_STEPS = 6;

export function emptyStep(): StepValues {
  return { key: randomId(), name: '', roles: [], mode: 'any', deadlineHours: '' };
}

export function toValues(policy: ApprovalPolicy | null): PolicyValues {
  if (!policy) {
    return {
      name: '',
      steps: [emptyStep()],
      always: false,
      peopleDepicted: false,
      minorsDepicted: false,
      contributorDefault: false,
      tags: [],
      channelIds: [],
      minorEditsKeepApproval: false,
      active: true,
    };
  }
  const { rules } = policy;
  return {
    name: policy.name,
    steps: policy.steps.map((s) => ({ ...s, key: randomId(), deadlineHours: s.deadlineHours ?? '' })),
    always: rules.always,
    peopleDepicted: rules.peopleDepicted,
    minorsDepicted: rules.minorsDepicted,
    contributorDefault: rules.contributorDefault,
    tags: rules.tags,
    channelIds: rules.channelIds,
    minorEditsKeepApproval: policy.minorEditsKeepApproval,
    active: policy.active,
  };
}

export function toInput(v: PolicyValues): PolicyInput {
  return {
    name: v.name.trim(),
    steps: v.steps.map((s) => ({
      name: s.name.trim(),
      roles: s.roles,
      mode: s.mode,
      deadlineHours: typeof s.deadlineHours === 'number' ? s.deadlineHours : null,
    })),
    rules: {
      always: v.always,
      peopleDepicted: v.peopleDepicted,
      minorsDepicted: v.minorsDepicted,
      contributorDefault: v.contributorDefault,
      // The server stores tags in lower case; doing it here keeps the list free of near-duplicates.
      tags: [...new Set(v.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))],
      channelIds: v.channelIds,
    },
    minorEditsKeepApproval: v.minorEditsKeepApproval,
    active: v.active,
  };
}

/** A policy without any condition would never be chosen; the dialog asks for at least one. */
export function hasCondition(v: PolicyValues): boolean {
  return (
    v.always ||
    v.peopleDepicted ||
    v.minorsDepicted ||
    v.contributorDefault ||
    v.tags.length > 0 ||
    v.channelIds.length > 0
  );
}
