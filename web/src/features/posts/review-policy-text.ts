import type { ApprovalStep } from '@nahbar/common';
import type { TFunction } from 'i18next';

// "Dieser Beitrag braucht eine Freigabe: Redaktion → Leitung, weil Minderjährige gezeigt werden."
// The server names the rules that matched; this turns them into the reason a person reads.

type ReasonKey = 'always' | 'peopleDepicted' | 'minorsDepicted' | 'tag' | 'channel' | 'contributorDefault' | 'other';
type Reason = { key: ReasonKey; tag?: string };

/** One reason per matched rule, in the server's order, without repeats. */
export function policyReasons(matched: readonly string[]): Reason[] {
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  for (const rule of matched) {
    const reason: Reason = rule.startsWith('tag:') ? { key: 'tag', tag: rule.slice(4) } : { key: known(rule) };
    const id = `${reason.key}:${reason.tag ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    reasons.push(reason);
  }
  return reasons;
}

const KNOWN: readonly string[] = ['always', 'peopleDepicted', 'minorsDepicted', 'channel', 'contributorDefault'];

/** "fallback" (the built-in step for contributors) reads like the contributors' default. */
function known(rule: string): ReasonKey {
  if (rule === 'fallback') return 'contributorDefault';
  return KNOWN.includes(rule) ? (rule as ReasonKey) : 'other';
}

/** "Redaktion → Leitung → Datenschutz" */
export function stepChain(steps: readonly Pick<ApprovalStep, 'name'>[]): string {
  return steps.map((s) => s.name).join(' → ');
}

export function policySentence(
  t: TFunction<'posts'>,
  steps: readonly Pick<ApprovalStep, 'name'>[],
  matched: readonly string[],
  locale: string,
): string {
  const reasons = policyReasons(matched).map((r) =>
    t(`review.policy.reasons.${r.key as ReasonKey}`, { tag: r.tag ?? '' }),
  );
  const because = new Intl.ListFormat(locale, { type: 'conjunction' }).format(reasons);
  return reasons.length > 0
    ? t('review.policy.needsBecause', { steps: stepChain(steps), because })
    : t('review.policy.needs', { steps: stepChain(steps) });
}
