import { zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';
import type { TFunction } from 'i18next';
import type { ComposerIssues } from './composer-checks.ts';
import type { ComposerDraft } from './composer-draft.ts';
import type { WhenValue } from './when-picker.tsx';

type Input = {
  draft: ComposerDraft;
  /** checkPost's answer in the mode of this send ('schedule' unless it stays a draft). */
  issues: ComposerIssues;
  when: WhenValue;
  timeZone: string;
  t: TFunction<'posts'>;
};

export type ComposerErrors = {
  text?: string;
  channels?: string;
  alt?: Record<string, string>;
  when?: string;
  /** Errors the checks listed at their field: the summary above the button points to them. */
  checks?: string;
};

const validWall = (date: string, time: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time);

/** What must be right before a send; null when the post can go. The live checks do the network rules. */
export function validateComposer({ draft, issues, when, timeZone, t }: Input): ComposerErrors | null {
  const errors: ComposerErrors = {};
  if (!draft.text.trim() && draft.media.length === 0) errors.text = t('composer.validation.text');
  if (draft.channelIds.length === 0) errors.channels = t('composer.validation.channels');
  if (when.mode !== 'draft') {
    const missingAlt = draft.media.filter((m) => m.kind === 'image' && !m.alt.trim());
    if (missingAlt.length > 0) {
      errors.alt = Object.fromEntries(missingAlt.map((m) => [m.mediaId, t('composer.validation.alt')]));
    }
  }
  if (when.mode === 'at') {
    if (!validWall(when.date, when.time)) errors.when = t('composer.validation.dateTime');
    else if (Date.parse(zonedWallTimeToIso({ date: when.date, time: when.time }, timeZone)) <= Date.now()) {
      errors.when = t('composer.validation.past');
    }
  }
  if (when.mode === 'draft' && draft.planned && !validWall(draft.planned.date, draft.planned.time)) {
    errors.when = t('composer.validation.dateTime');
  }
  if (issues.hasErrors) errors.checks = t('composer.validation.checks');
  return Object.keys(errors).length > 0 ? errors : null;
}
