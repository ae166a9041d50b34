import type { ApprovalStep, PolicyRules, StepRole } from '@nahbar/common';
import type { TFunction } from 'i18next';

/** The roles a step can name, in the order the dialog offers them; contributors and viewers never decide. */
export const STEP_ROLES: StepRole[] = ['editor', 'approver', 'privacy_officer', 'admin', 'owner', 'external'];

/** "Redaktion → Leitung → Datenschutz": the steps' names in order. */
export function stepChain(steps: readonly ApprovalStep[]): string {
  return steps.map((s) => s.name).join(' → ');
}

/** One step in words: who decides, whether one person is enough, and the deadline. */
export function stepDetails(t: TFunction<'approvals'>, step: ApprovalStep): string {
  const roles = step.roles.map((r) => t(`policies.roles.${r}`)).join(', ');
  const parts = [roles, t(`policies.mode.${step.mode}`)];
  if (step.deadlineHours) parts.push(t('policies.deadline', { count: step.deadlineHours }));
  return parts.join(' · ');
}

/** When a policy applies, one phrase per condition; any one of them is enough. */
export function ruleTexts(
  t: TFunction<'approvals'>,
  rules: PolicyRules,
  channelName: (id: string) => string | undefined,
): string[] {
  const texts: string[] = [];
  if (rules.always) texts.push(t('policies.rule.always'));
  if (rules.peopleDepicted) texts.push(t('policies.rule.peopleDepicted'));
  if (rules.minorsDepicted) texts.push(t('policies.rule.minorsDepicted'));
  for (const tag of rules.tags) texts.push(t('policies.rule.tag', { tag }));
  for (const id of rules.channelIds) {
    texts.push(t('policies.rule.channel', { channel: channelName(id) ?? t('policies.rule.unknownChannel') }));
  }
  if (rules.contributorDefault) texts.push(t('policies.rule.contributorDefault'));
  return texts;
}
